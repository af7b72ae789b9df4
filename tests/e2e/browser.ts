/** Chromium (Debian's) driven by playwright-core, with the flags this closed network needs. */
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { demoSummaryId, login, startTestServer } from '../integration/harness.js'

export const ARTEFACTS = 'test-results'

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })

/** Logs in through the login form and opens the given summary's editor page. */
export const openSummaryAs = async (browser: Browser, baseUrl: string, summaryId: string, username: string, password: string, prepare?: (page: Page) => Promise<void>): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
  const page = await context.newPage()
  await prepare?.(page)
  await page.goto(`${baseUrl}/login`)
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${baseUrl}/`)
  await page.goto(`${baseUrl}/s/${summaryId}`)
  await page.waitForSelector('[data-section-id] .ProseMirror')
  return page
}

export interface BrowserSuite {
  server: Awaited<ReturnType<typeof startTestServer>>
  browser: Browser
  summaryId: string
}

/** A fresh server with the demo summary and one Chromium for the tests of a file. */
export const useBrowserSuite = (): BrowserSuite => {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    suite.server = await startTestServer()
    suite.summaryId = await demoSummaryId(suite.server, await login(suite.server, 'admin'))
    suite.browser = await launchBrowser()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
  })
  return suite
}

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTEFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: false })
}
