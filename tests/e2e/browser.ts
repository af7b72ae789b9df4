/** Chromium (Debian's) driven by playwright-core, with the flags this closed network needs. */
import { mkdirSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest'
import type { TiptapEditorHTMLElement } from '@tiptap/core'
import { chromium, type Browser, type Page, type WebSocketRoute } from 'playwright-core'
import { demoSummaryId, login, startTestServer } from '../integration/harness.js'

export const ARTEFACTS = 'test-results'

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })

/** Logs in through the login form, which leads on to the given summary's editor page. */
export const openSummaryAs = async (browser: Browser, baseUrl: string, summaryId: string, username: string, password: string, prepare?: (page: Page) => Promise<void>): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
  const page = await context.newPage()
  await prepare?.(page)
  // The login page leads on to `next` itself, as after an expired login (no second page load).
  await page.goto(`${baseUrl}/login?next=/s/${summaryId}`)
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${baseUrl}/s/${summaryId}`)
  await page.waitForSelector('[data-section-id] .ProseMirror')
  return page
}

/**
 * The scripts a page has loaded so far, read again from the server when asked: a response's own
 * body is gone once the page navigates on (login → summary), so only the addresses are kept.
 */
export const watchScripts = (page: Page): (() => Promise<string[]>) => {
  const urls = new Set<string>()
  page.on('response', (response) => void (response.request().resourceType() === 'script' && urls.add(response.url())))
  return () => Promise.all([...urls].map(async (url) => (await fetch(url)).text()))
}

export interface NetworkSwitch {
  /** Closes the page's open collab sockets and refuses new ones until `restore`. */
  drop(): Promise<void>
  /**
   * Lets sockets through again; with `holdServerMs`, a new socket hears nothing from the server
   * for that long (a slow link). Resolves once the page has sent on a new socket.
   */
  restore(options?: { holdServerMs?: number }): Promise<void>
}

/** Routes a page's collab websockets through a switch that can drop its network. */
export const networkSwitch = async (page: Page): Promise<NetworkSwitch> => {
  let offline = false
  let holdServerMs = 0
  let opened: () => void = () => {}
  const live = new Set<WebSocketRoute>()
  await page.routeWebSocket(/\/collab\//, (socket) => {
    if (offline) return void socket.close({ code: 1006, reason: 'offline' })
    const server = socket.connectToServer()
    live.add(socket)
    const announce = opened
    let held: Array<string | Buffer> | null = holdServerMs > 0 ? [] : null
    if (held) {
      setTimeout(() => {
        for (const message of held ?? []) socket.send(message)
        held = null
      }, holdServerMs)
    }
    server.onMessage((message) => (held ? held.push(message) : socket.send(message)))
    socket.onMessage((message) => {
      server.send(message)
      announce()
    })
    server.onClose((code, reason) => socket.close({ code, reason }))
    socket.onClose((code, reason) => {
      live.delete(socket)
      server.close({ code, reason })
    })
  })
  return {
    drop: async () => {
      offline = true
      for (const socket of live) await socket.close({ code: 1006, reason: 'network drop' })
    },
    restore: (options = {}) =>
      new Promise<void>((resolve) => {
        holdServerMs = options.holdServerMs ?? 0
        opened = resolve
        offline = false
      }),
  }
}

export interface BrowserSuite {
  server: Awaited<ReturnType<typeof startTestServer>>
  browser: Browser
  summaryId: string
}

/** A fresh server with the demo summary and one Chromium for the tests of a file. */
export const useBrowserSuite = (): BrowserSuite => {
  const suite = {} as BrowserSuite
  // A real editor must never send what the server refuses as malformed (it would be cut off and
  // reconnect in a loop): every such refusal is logged, and any one fails the file.
  const refusals: string[] = []
  beforeAll(async () => {
    const warn = console.warn.bind(console)
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (String(args[0]).includes('malformed message')) refusals.push(args.map(String).join(' '))
      warn(...args)
    })
    suite.server = await startTestServer()
    suite.summaryId = await demoSummaryId(suite.server, await login(suite.server, 'admin'))
    suite.browser = await launchBrowser()
  })
  // A page left open goes on rendering, sending awareness and polling: by the end of a long file
  // dozens of them took both cores and every later test ran slower: all are closed after each test.
  afterEach(async () => {
    await Promise.all(suite.browser?.contexts().map((context) => context.close()) ?? [])
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
    vi.mocked(console.warn).mockRestore()
    expect(refusals, 'the server refused messages from a real editor').toEqual([])
  })
  return suite
}

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTEFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: false })
}

/**
 * `read` after reloading the page and waiting for `selector`: for news a page asks for only when
 * it loads (有改动, the list's counts), to poll on.
 */
export const afterReload =
  <T>(page: Page, selector: string, read: () => Promise<T>) =>
  async (): Promise<T> => {
    await page.reload()
    await page.waitForSelector(selector)
    await page.waitForTimeout(300)
    return read()
  }

/**
 * Puts the writer's caret at the end of a section through the editor itself, for tests that are
 * not about clicking. A click, End and Enter sent back to back now and then put the new line at
 * the start of the section instead (about one full browser run in five on a loaded machine; the
 * race hid whenever the events were traced). A writer never presses a key within milliseconds of
 * a click.
 */
export const caretAtEnd = (page: Page, sectionId: string) =>
  page.locator(`[data-section-id="${sectionId}"] .ProseMirror`).evaluate((element) => {
    const { editor } = element as TiptapEditorHTMLElement
    editor!.commands.setTextSelection(editor!.state.doc.content.size - 1)
    // Tiptap's focus command focuses on the next frame; keys pressed before then would be lost.
    editor!.view.focus()
  })
