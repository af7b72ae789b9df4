import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { ADMIN_PASSWORD, demoSummaryId, login, startTestServer } from '../integration/harness.js'
import { launchBrowser, openSummaryAs, screenshot } from './browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let summaryId: string

beforeAll(async () => {
  server = await startTestServer()
  summaryId = await demoSummaryId(server, await login(server, 'admin'))
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('exporting from the summary page', () => {
  it('shows preflight problems and a preview, and downloads a .docx', async () => {
    const page = await openSummaryAs(browser, server.url, summaryId, 'admin', ADMIN_PASSWORD)
    await page.click('[data-action="export"]')
    await expect.poll(() => page.locator('.preflight-list li').count(), { timeout: 10_000 }).toBeGreaterThan(5)
    expect(await page.locator('.preflight-counts [data-preflight-kind="missing-indicator"] strong').innerText()).toBe('1')
    expect(await page.locator('[data-export-preview]').innerText()).toContain('（二）招商引资取得新突破')
    await screenshot(page, 'export-dialog')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')])
    expect(download.suggestedFilename()).toBe('青山工业园区管理委员会2026年度工作总结.docx')
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })
})
