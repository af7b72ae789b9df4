import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

const editorOf = (page: Page, sectionId: string) => page.locator(`[data-section-id="${sectionId}"] .ProseMirror`)
/** The section's text without colleagues' caret labels. */
const textOf = (page: Page, sectionId: string) =>
  editorOf(page, sectionId).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return copy.textContent ?? ''
  })

describe('two departments writing one summary in Chromium', () => {
  it('shows each other’s text live and keeps other departments’ sections read-only', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const safety = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)

    expect(await editorOf(invest, 'plan-investment').getAttribute('contenteditable')).toBe('true')
    expect(await editorOf(invest, 'plan-safety').getAttribute('contenteditable')).toBe('false')
    expect(await editorOf(safety, 'plan-investment').getAttribute('contenteditable')).toBe('false')
    expect(await invest.locator('[data-section-id="plan-safety"] .readonly-badge').isVisible()).toBe(true)

    await editorOf(invest, 'plan-investment').click()
    await editorOf(safety, 'plan-safety').click()
    await Promise.all([
      invest.keyboard.type('全年新签工业项目18个，协议资金5.2亿元。', { delay: 15 }),
      safety.keyboard.type('全年签订安全生产责任书46份，整改隐患72处。', { delay: 15 }),
    ])

    await expect.poll(() => textOf(safety, 'plan-investment'), { timeout: 10_000 }).toBe('全年新签工业项目18个，协议资金5.2亿元。')
    await expect.poll(() => textOf(invest, 'plan-safety'), { timeout: 10_000 }).toBe('全年签订安全生产责任书46份，整改隐患72处。')

    await expect.poll(() => invest.locator('[data-presence-user="safety"]').count()).toBe(1)
    await expect.poll(() => safety.locator('[data-presence-user="invest"]').count()).toBe(1)

    // Typing into a read-only section changes nothing, locally or for anyone else.
    await editorOf(safety, 'plan-investment').click()
    await safety.keyboard.type('不应出现')
    expect(await textOf(safety, 'plan-investment')).not.toContain('不应出现')

    await screenshot(invest, 'coediting-invest')
    await screenshot(safety, 'coediting-safety')
  })

  it('shows a colleague’s named caret in the shared section, and only where it is', async () => {
    const first = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const second = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD)
    await editorOf(second, 'investment-service').click()
    await second.keyboard.type('代办服务项目12个')
    await expect.poll(() => textOf(first, 'investment-service'), { timeout: 10_000 }).toBe('代办服务项目12个')
    const label = first.locator('[data-section-id="investment-service"] .collaboration-carets__label')
    await expect.poll(() => label.count(), { timeout: 10_000 }).toBe(1)
    expect(await label.innerText()).toBe('陈招商')
    await screenshot(first, 'coediting-caret')

    // Each section hears only of carets in it: moving on must still clear the one left behind.
    const labelIn = (sectionId: string) => first.locator(`[data-section-id="${sectionId}"] .collaboration-carets__label`)
    await editorOf(second, 'investment-channels').click()
    await second.keyboard.type('驻点招商')
    await expect.poll(() => labelIn('investment-channels').count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => labelIn('investment-service').count(), { timeout: 10_000 }).toBe(0)
  })
})
