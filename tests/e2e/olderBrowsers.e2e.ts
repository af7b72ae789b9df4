import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../integration/harness.js'
import { afterReload, openSummaryAs, useBrowserSuite, watchScripts } from './browser.js'

const suite = useBrowserSuite()

/**
 * The page as a browser of a government office runs it: what Chromium 86 (360安全浏览器 13,
 * 奇安信) and Firefox ESR 78–115 lack at run time is taken away before any script of the page
 * runs. (Syntax is the build's to lower: vite.config.ts.)
 */
const likeAnOlderBrowser = async (page: Page, errors: string[]): Promise<void> => {
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(() => {
    const lacking: Array<[object, string]> = [
      [Array.prototype, 'at'],
      [Array.prototype, 'findLast'],
      [Array.prototype, 'findLastIndex'],
      [Array.prototype, 'toSorted'],
      [Array.prototype, 'toReversed'],
      [Array.prototype, 'toSpliced'],
      [Array.prototype, 'with'],
      [String.prototype, 'at'],
      [Object, 'hasOwn'],
      [globalThis, 'structuredClone'],
      [Intl, 'Segmenter'],
      [IDBFactory.prototype, 'databases'], // Firefox before 126
    ]
    for (const [owner, name] of lacking) Reflect.deleteProperty(owner, name)
  })
}

describe('the browsers of government offices', () => {
  it('writes, selects, shows what changed and opens versions and export without what Chromium 86 lacks', async () => {
    const errors: string[] = []
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, (page) => likeAnOlderBrowser(page, errors))
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD, (page) => likeAnOlderBrowser(page, errors))
    // As old as meant (no Intl.Segmenter), with what the page adds back.
    expect(await writer.evaluate(() => [typeof Intl.Segmenter, ...['findLast', 'at'].map((name) => typeof Reflect.get(Array.prototype, name))])).toEqual(['undefined', 'function', 'function'])

    const editor = writer.locator('[data-section-id="investment-channels"] .ProseMirror')
    await editor.click()
    await writer.keyboard.type('全年赴长三角开展驻点招商12次。')
    await writer.keyboard.press('Shift+ArrowLeft') // the editor reads the selection's transactions
    await writer.keyboard.press('Shift+ArrowLeft')
    // (The writer's caret, with their name, stands before 次 in the leader's text.)
    await expect.poll(() => leader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText(), { timeout: 10_000 }).toContain('全年赴长三角开展驻点招商12')

    // What changed since the leader read it, compared without the word breaks of Intl.Segmenter.
    const changes = leader.locator('[data-section-changes="investment-channels"]')
    await expect.poll(afterReload(leader, '[data-section-id] .ProseMirror', () => changes.count()), { timeout: 15_000 }).toBe(1)
    await changes.locator('[data-action="show-changes"]').click()
    await expect.poll(() => changes.locator('[data-changes]').innerText(), { timeout: 10_000 }).toContain('驻点招商12次')

    await writer.click('[data-action="versions"]')
    await writer.waitForSelector('[role="dialog"]')
    await writer.keyboard.press('Escape')
    await writer.click('[data-action="export"]')
    await expect.poll(() => writer.locator('[data-export-preview]').innerText(), { timeout: 10_000 }).toContain('驻点招商12次')
    await writer.keyboard.press('Escape')

    // 退出 still deletes the browser's copy of the summary, though the browser cannot list them.
    const copyName = `huizong:${await writer.evaluate(async () => ((await (await fetch('/api/me')).json()) as { id: string }).id)}:${suite.summaryId}`
    const copyExists = () =>
      writer.evaluate(
        (name) =>
          new Promise<boolean>((resolve) => {
            const request = indexedDB.open(name)
            let created = false
            request.onupgradeneeded = () => (created = true)
            request.onsuccess = () => {
              request.result.close()
              if (created) indexedDB.deleteDatabase(name)
              resolve(!created)
            }
          }),
        copyName,
      )
    expect(await copyExists()).toBe(true)
    await writer.click('header button:has-text("退出")')
    await writer.waitForURL(/\/login/)
    await expect.poll(copyExists, { timeout: 10_000 }).toBe(false)
    expect(errors).toEqual([])
  })

  it('loads no script that looks behind, which Safari before 16.4 cannot parse (iPhones on iOS 15)', async () => {
    let loadedScripts: () => Promise<string[]> = async () => []
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD, async (opening) => {
      loadedScripts = watchScripts(opening)
    })
    // The export dialog and its preview bring the checks' code, if it were not loaded already.
    await page.click('[data-action="export"]')
    await page.waitForSelector('[data-export-preview]')
    const bodies = await loadedScripts()
    expect(bodies.join('\n')).toContain('汉字间多余的空格') // the punctuation check's code is among them
    for (const body of bodies) expect(body.match(/\(\?<[=!]/g) ?? []).toEqual([])
  })

  it('gets the summary page’s scripts compressed, to be kept for good', async () => {
    const scripts: Array<{ url: string; encoding: string | undefined; cache: string | undefined }> = []
    await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, async (page) => {
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script' || response.fromServiceWorker()) return
        const headers = response.headers()
        scripts.push({ url: response.url(), encoding: headers['content-encoding'], cache: headers['cache-control'] })
      })
    })
    expect(scripts.length).toBeGreaterThan(5)
    // The build compressed every script but the smallest (under 1 KB, sent as they are).
    const large = scripts.filter(({ encoding }) => encoding !== undefined)
    expect(large.length).toBeGreaterThan(5)
    for (const { url, encoding, cache } of scripts) {
      expect([url, cache]).toEqual([url, 'public, max-age=31536000, immutable'])
      if (encoding) expect([url, encoding]).toEqual([url, 'br'])
    }
  })

  it('asks two-kernel browsers for their Chromium kernel, and tells a browser without modules what to do', async () => {
    const page = await (await suite.browser.newContext()).newPage()
    const complaints: string[] = []
    page.on('console', (message) => message.type() === 'error' && complaints.push(message.text()))
    await page.goto(`${suite.server.url}/login`)
    expect(await page.locator('meta[name="renderer"]').getAttribute('content')).toBe('webkit')
    // A current browser skips the notice, and its script policy has nothing to say about it…
    await page.waitForSelector('input[name="username"]')
    expect(complaints).toEqual([])
    // …where IE (or 兼容模式) runs it and says what to do.
    await page.evaluate((await page.locator('script[data-unsupported-browser]').textContent())!)
    expect(await page.locator('#app').innerText()).toContain('切换到“极速模式”')
  })
})
