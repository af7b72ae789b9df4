import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

describe('creating a summary from a built-in template', () => {
  it('previews the school template’s outline and new departments, then builds the summary, lead first', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.goto(`${suite.server.url}/admin`)
    await page.waitForSelector('[data-preview-section="overview"]')
    await page.selectOption('select[name="templateId"]', 'school-year-end')
    await expect.poll(() => page.locator('[data-preview-section="teaching"]').innerText()).toContain('（二）教育教学质量稳步提升')
    expect(await page.locator('[data-preview-section="teaching"]').innerText()).toContain('教务处')
    // The demo organisation is a park: the school's offices are not there yet.
    expect(await page.locator('[data-new-departments]').innerText()).toContain('校长办公室')
    await page.fill('input[name="organisation"]', '青山实验小学')
    await screenshot(page, 'admin-template-preview')
    await page.click('form button.primary')
    await page.waitForURL(/\/s\//)
    await expect.poll(() => page.locator('.summary-title').innerText()).toBe('青山实验小学2026年工作总结')
    // The school template opens with a lead (导语): first, unnumbered, marked as such.
    expect(await page.locator('[data-section-id]').first().getAttribute('data-section-id')).toBe('lead')
    expect(await page.locator('[data-section-id="lead"] .section-title').innerText()).toBe('导语')
    await page.waitForSelector('[data-section-id="lead"] [data-lead]')
    expect(await page.locator('[data-section-id="overview"] .section-title').innerText()).toBe('一、主要工作完成情况')
    await page.waitForSelector('[data-section-id="logistics"] .ProseMirror')
    expect(await page.locator('[data-section-id="logistics"] .ProseMirror').innerText()).toContain('【待填：改善办学条件投入】')
  })
})
