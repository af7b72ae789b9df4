import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { DEMO_PASSWORD, demoSummaryId, login, startTestServer } from '../integration/harness.js'
import { launchBrowser, openSummaryAs, screenshot } from './browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let summaryId: string
let adminToken: string

beforeAll(async () => {
  server = await startTestServer()
  adminToken = await login(server, 'admin')
  summaryId = await demoSummaryId(server, adminToken)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('indicator figures in the editor', () => {
  it('inserts a figure by pinyin initials and shows new values live everywhere', async () => {
    const writer = await openSummaryAs(browser, server.url, summaryId, 'invest', DEMO_PASSWORD)
    const reader = await openSummaryAs(browser, server.url, summaryId, 'leader', DEMO_PASSWORD)
    const channels = writer.locator('[data-section-id="investment-channels"] .ProseMirror')
    await channels.click()
    await writer.keyboard.type('以商招商签约')
    await writer.keyboard.type('#')
    await writer.locator('input[name="indicatorQuery"]').fill('xyzj')
    await expect.poll(() => writer.locator('.indicator-picker li[data-picker-key]').count()).toBe(1)
    await writer.keyboard.press('Enter')
    const node = (page: typeof writer) => page.locator('[data-section-id="investment-channels"] [data-indicator-key="agreed_funds"]')
    await expect.poll(() => node(writer).innerText()).toBe('5.2亿元')
    await expect.poll(() => node(reader).innerText(), { timeout: 10_000 }).toBe('5.2亿元')
    expect(await node(reader).getAttribute('contenteditable')).toBe('false')

    const response = await fetch(`${server.url}/api/summaries/${summaryId}/indicators`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
      body: 'key,value\nagreed_funds,6.4\nfunds_in_place,\n',
    })
    expect(response.status).toBe(200)
    await expect.poll(() => node(reader).innerText(), { timeout: 10_000 }).toBe('6.4亿元')
    await expect.poll(() => node(writer).innerText(), { timeout: 10_000 }).toBe('6.4亿元')
    const gap = reader.locator('[data-section-id="investment"] [data-indicator-key="funds_in_place"][data-show="value"]')
    await expect.poll(() => gap.innerText()).toBe('【待填：到位资金】')

    await writer.click('[data-action="toggle-figures"]')
    await writer.locator('[data-figure-key="new_projects"] input[name="value"]').fill('19')
    await writer.locator('[data-figure-key="new_projects"] button').click()
    await expect.poll(() => reader.locator('[data-section-id="investment"] [data-indicator-key="new_projects"]').first().innerText(), { timeout: 10_000 }).toBe('19个')
    expect(await writer.locator('[data-figure-key="patrols"] input').count()).toBe(0)
    await screenshot(writer, 'indicators-writer')
  })
})
