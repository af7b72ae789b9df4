import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { api, DEMO_PASSWORD, demoSummaryId, login, startTestServer } from '../integration/harness.js'
import { refuseStoring } from '../integration/refuseStoring.js'
import { violations } from './axe.js'
import { networkSwitch, openSummaryAs, screenshot, useBrowserSuite, type NetworkSwitch } from './browser.js'

const suite = useBrowserSuite()

describe('an edit the server refuses', () => {
  it('discards the local copy, re-syncs once and explains it, instead of looping', async () => {
    // The first connection stops hearing from the server, so the page still believes the
    // section is writable after it was locked; later connections are left alone.
    let connections = 0
    let deaf = false
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD, async (page) => {
      await page.routeWebSocket(/\/collab\//, (socket) => {
        const index = connections++
        const server = socket.connectToServer()
        server.onMessage((message) => {
          if (!(deaf && index === 0)) socket.send(message)
        })
        socket.onMessage((message) => server.send(message))
        server.onClose((code, reason) => socket.close({ code, reason }))
        socket.onClose((code, reason) => server.close({ code, reason }))
      })
    })
    // The same writer in a second tab keeps the browser's copy of the summary open.
    const twin = await writer.context().newPage()
    await twin.goto(`${suite.server.url}/s/${suite.summaryId}`)
    await twin.waitForSelector('[data-section-id] .ProseMirror')
    const editor = writer.locator('[data-section-id="plan-investment"] .ProseMirror')
    await editor.click()
    await writer.keyboard.type('锁定前的内容。')
    await writer.waitForTimeout(300)
    deaf = true
    const base = `/api/summaries/${suite.summaryId}/sections/plan-investment`
    expect((await api(suite.server, base, { token: await login(suite.server, 'invest'), method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
    expect((await api(suite.server, base, { token: await login(suite.server, 'leader'), method: 'PATCH', body: { status: 'final' } })).status).toBe(200)
    expect(await editor.getAttribute('contenteditable')).toBe('true') // the page has not heard

    // Committed at once, as an input method commits a phrase: keys typed after the refusal has
    // arrived go nowhere (the editor is being replaced), and the refusal travels through the
    // routed socket faster or slower than six keystrokes, so typing them one by one was a race.
    const place = async () => (await writer.locator('[data-section-id="plan-investment"]').boundingBox())!.y
    const before = await place()
    await writer.keyboard.insertText('被拒绝的修改')
    await expect.poll(() => writer.locator('.notice').innerText(), { timeout: 10_000 }).toContain('已撤销并重新同步')
    const fresh = writer.locator('[data-section-id="plan-investment"] .ProseMirror')
    await expect.poll(() => fresh.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false')
    await expect.poll(() => fresh.innerText()).toBe('锁定前的内容。')
    expect(connections).toBe(2) // one reset, no loop
    // The refused copy stays on screen until the fresh one has synced: the page keeps its length
    // and the writer their place (it used to jump to the top).
    expect(Math.abs((await place()) - before)).toBeLessThan(40)
    // There, the notice is in view, and the box of what was not saved one click away.
    const inView = async (selector: string) => {
      const box = (await writer.locator(selector).boundingBox())!
      return box.y >= 0 && box.y + box.height <= writer.viewportSize()!.height
    }
    expect(await inView('.notice')).toBe(true)
    expect(await inView('[data-unsaved]')).toBe(false)
    await writer.click('[data-action="show-unsaved"]')
    await expect.poll(() => inView('[data-unsaved]')).toBe(true)
    // What the discarded copy had is offered for copying, under its section's title.
    const unsaved = writer.locator('[data-unsaved] textarea')
    await expect.poll(() => unsaved.inputValue()).toBe('【聚焦主导产业精准招商】\n锁定前的内容。被拒绝的修改')
    const text = await (await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/export?format=txt`, { headers: { authorization: `Bearer ${await login(suite.server, 'admin')}` } })).text()
    expect(text).toContain('锁定前的内容。')
    expect(text).not.toContain('被拒绝的修改')
    await screenshot(writer, 'refused-edit')
    // Those paragraphs are nowhere else: leaving for another page of 汇总 asks first (declined
    // here), and so does a reload (the browser's own question).
    const asked: string[] = []
    writer.once('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await writer.click('a.brand')
    await expect.poll(() => asked).toEqual(['confirm: 还有未能保存的内容没有复制，离开本页后将丢失。仍要离开吗？'])
    expect(writer.url()).toContain(`/s/${suite.summaryId}`)
    // 退出 asks the same, and declined, leaves the sign-in as it was.
    writer.once('dialog', (dialog) => {
      asked.push(dialog.type())
      void dialog.dismiss()
    })
    await writer.click('button:has-text("退出")')
    await expect.poll(() => asked.length).toBe(2)
    expect(writer.url()).toContain(`/s/${suite.summaryId}`)
    expect(await writer.evaluate(async () => (await fetch('/api/me')).status)).toBe(200)
    writer.once('dialog', (dialog) => {
      asked.push(dialog.type())
      void dialog.accept()
    })
    // The refused change does not come back from the browser's copy with a reload.
    await writer.reload()
    expect(asked.at(-1)).toBe('beforeunload')
    await expect.poll(() => writer.locator('[data-connection-status]').innerText()).toContain('已连接')
    await writer.waitForTimeout(1000)
    expect(await writer.locator('.notice').count()).toBe(0)
    expect(await writer.locator('[data-section-id="plan-investment"] .ProseMirror').innerText()).toBe('锁定前的内容。')
    // The second tab shares that copy; it was emptied, not deleted, so the tab keeps working.
    const errors: string[] = []
    twin.on('pageerror', (error) => errors.push(error.message))
    await twin.locator('[data-section-id="investment-channels"] .ProseMirror').click()
    await twin.keyboard.type('另一个标签页继续写。')
    const admin = await login(suite.server, 'admin')
    await expect.poll(async () => (await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text(), { timeout: 10_000 }).toContain('另一个标签页继续写。')
    // Logging out in one tab deletes the copy; the other tab lets go of it without errors.
    await writer.click('text=退出')
    await writer.waitForURL(/\/login/)
    await twin.keyboard.type('退出之后')
    await twin.waitForTimeout(300)
    expect(errors).toEqual([])
  })
})

describe('a network drop', () => {
  it('keeps what was typed offline and while reconnecting, shows the state, and syncs it', async () => {
    let network!: NetworkSwitch
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD, async (page) => {
      network = await networkSwitch(page)
    })
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const badge = writer.locator('[data-connection-status]')
    await expect.poll(() => badge.innerText()).toContain('已连接')

    await network.drop()
    await expect.poll(() => badge.innerText(), { timeout: 10_000 }).toMatch(/断开|连接中/)
    await writer.locator('[data-section-id="investment-service"] .ProseMirror').click()
    await writer.keyboard.type('断网期间写下的内容。')
    await writer.waitForTimeout(500)
    expect(await reader.locator('[data-section-id="investment-service"] .ProseMirror').innerText()).not.toContain('断网期间')
    // Ctrl+S out of habit says where the text is, not the browser's “save page as”.
    const saveHint = writer.locator('[data-save-hint]')
    await writer.keyboard.press('Control+s')
    expect(await saveHint.innerText()).toBe('当前未连接服务器：修改已保存在本浏览器中，恢复连接后自动同步')
    await expect.poll(() => saveHint.count(), { timeout: 6000 }).toBe(0)
    // 退出 now would delete the browser's copy, the only one of that text: it asks first.
    const asked: string[] = []
    writer.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await writer.click('button:has-text("退出")')
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toContain('断开期间写的内容可能只保存在本浏览器中')
    expect(writer.url()).toContain('/s/')

    // On the reconnect the server's first messages are late (a slow link): the page types while
    // its answer to the server's sync step 1, with the offline text, is not sent yet.
    await network.restore({ holdServerMs: 1000 })
    await writer.keyboard.type('恢复连接时接着写。')
    await expect.poll(() => badge.innerText(), { timeout: 15_000 }).toContain('已连接')
    const readerText = () => reader.locator('[data-section-id="investment-service"] .ProseMirror').innerText()
    await expect.poll(readerText, { timeout: 10_000 }).toContain('断网期间写下的内容。恢复连接时接着写。')
    expect(await writer.locator('.notice').count()).toBe(0) // no refusal, no reset of the local copy
    await writer.keyboard.press('Control+s')
    expect(await saveHint.innerText()).toBe('汇总自动保存：每次输入都实时保存到服务器，无需按 Ctrl+S')
    expect(await writer.locator('[data-section-id="investment-service"] .ProseMirror').innerText()).not.toMatch(/s$/)
  })
})

describe('an update of 汇总 while a page stays open', () => {
  it('asks the page to reload once its connection comes back to the updated server, and the reload clears it', async () => {
    // A server of its own, on a copy of the built client that the test can “update”.
    const clientDir = mkdtempSync(join(tmpdir(), 'huizong-client-'))
    cpSync('dist', clientDir, { recursive: true })
    const server = await startTestServer(undefined, { CLIENT_DIR: clientDir })
    try {
      let network!: NetworkSwitch
      const writer = await openSummaryAs(suite.browser, server.url, await demoSummaryId(server, await login(server, 'admin')), 'invest', DEMO_PASSWORD, async (page) => {
        network = await networkSwitch(page)
      })
      const banner = writer.locator('[data-client-outdated]')
      await expect.poll(() => writer.locator('[data-connection-status]').innerText()).toContain('已连接')
      expect(await banner.count()).toBe(0)

      // The update: a build whose scripts all have new names, as a new build's content-named files
      // do (here the same code, renamed and every reference rewritten; compressed copies dropped).
      const assets = join(clientDir, 'assets')
      const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'))
      const renamed = (text: string) => scripts.reduce((result, name) => result.replaceAll(name, name.replace(/\.js$/, '-updated.js')), text)
      for (const name of readdirSync(assets)) if (/\.(br|gz)$/.test(name)) rmSync(join(assets, name))
      for (const name of scripts) {
        writeFileSync(join(assets, name.replace(/\.js$/, '-updated.js')), renamed(readFileSync(join(assets, name), 'utf8')))
        rmSync(join(assets, name))
      }
      writeFileSync(join(clientDir, 'index.html'), renamed(readFileSync(join(clientDir, 'index.html'), 'utf8')))
      // The restart that comes with it, as the page sees it: the connection drops and returns.
      await network.drop()
      await network.restore()
      await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toContain('汇总已更新到新版本，请在方便时刷新页面')
      expect(await violations(writer)).toEqual([]) // a landmark's part, named, reachable
      await screenshot(writer, 'client-outdated')
      await banner.locator('[data-action="reload"]').click()
      await writer.waitForSelector('[data-section-id] .ProseMirror')
      expect(await writer.locator('script[type="module"]').getAttribute('src')).toMatch(/^\/assets\/index-.*-updated\.js$/)
      await writer.locator('[data-action="versions"]').click() // an API call: the same build now
      await writer.waitForSelector('[role="dialog"]')
      expect(await banner.count()).toBe(0)
    } finally {
      await server.close()
      rmSync(clientDir, { recursive: true })
    }
  })
})

describe('a server that cannot save', () => {
  it('tells the writer and a colleague at once, and the text arrives once the store is back', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const onPhone = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'economy', DEMO_PASSWORD, (page) => page.setViewportSize({ width: 390, height: 844 }))
    const allow = await refuseStoring(suite.server)
    try {
      await writer.locator('[data-section-id="investment-channels"] .ProseMirror').click()
      await writer.keyboard.type('磁盘满时写下的内容。')
      for (const page of [writer, reader]) {
        await expect.poll(() => page.locator('[data-saving-trouble]').count(), { timeout: 10_000 }).toBe(1)
        expect(await page.locator('[data-connection-status]').innerText()).toBe('已连接，但服务器暂时无法保存')
      }
      expect(await writer.locator('[data-saving-trouble]').innerText()).toContain('您的修改已保存在本浏览器中')
      await screenshot(writer, 'saving-trouble')
      // On a phone the status bar scrolls away with the page; the notice stays at the foot.
      await expect.poll(() => onPhone.locator('[data-saving-trouble]').count(), { timeout: 10_000 }).toBe(1)
      await onPhone.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      const notice = (await onPhone.locator('[data-saving-trouble]').boundingBox())!
      expect(notice.y).toBeGreaterThan(844 / 2)
      expect(notice.y + notice.height).toBeLessThanOrEqual(844)
      expect(await reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()).not.toContain('磁盘满时')
    } finally {
      await allow()
    }
    await expect.poll(() => reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText(), { timeout: 10_000 }).toContain('磁盘满时写下的内容。')
    for (const page of [writer, reader]) {
      await expect.poll(() => page.locator('[data-saving-trouble]').count(), { timeout: 10_000 }).toBe(0)
      expect(await page.locator('[data-connection-status]').innerText()).toBe('已连接，实时同步中')
    }
    await writer.context().close()
    await reader.context().close()
    await onPhone.context().close()
  })
})

describe('a paste over the message limit', () => {
  it('says how to get out of it, and undoing the paste and reloading does', async () => {
    const small = await startTestServer(undefined, { MAX_MESSAGE_BYTES: String(64 * 1024) })
    try {
      const summaryId = await demoSummaryId(small, await login(small, 'admin'))
      const writer = await openSummaryAs(suite.browser, small.url, summaryId, 'invest', DEMO_PASSWORD)
      const editor = writer.locator('[data-section-id="investment-service"] .ProseMirror')
      await editor.click()
      await writer.keyboard.press('Control+End')
      await writer.keyboard.type('粘贴之前写的。')
      await writer.waitForTimeout(800) // a moment apart, so that undoing the paste leaves the typing
      await writer.evaluate(() => {
        const line = '全年新签工业项目十八个，协议资金五点二亿元，到位资金一点六亿元，同比分别增长百分之二十。'
        const data = new DataTransfer()
        data.setData('text/html', Array.from({ length: 3000 }, (_, index) => `<p>${index}、${line}</p>`).join(''))
        const target = document.querySelector('[data-section-id="investment-service"] .ProseMirror')!
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      })
      await expect.poll(() => writer.locator('.error.banner').innerText(), { timeout: 10_000 }).toContain('请按 Ctrl+Z 撤销这次粘贴')
      // As a writer does it: back in the text, undo, see the paste gone, then reload (the browser's
      // copy keeps the undo; a reload within the same few milliseconds could still lose it).
      await editor.click()
      await writer.keyboard.press('Control+z')
      await expect.poll(() => editor.innerText(), { timeout: 10_000 }).not.toContain('协议资金五点二亿元')
      await writer.waitForTimeout(500)
      await writer.reload()
      await expect.poll(() => writer.locator('[data-connection-status]').innerText(), { timeout: 10_000 }).toBe('已连接，实时同步中')
      const reader = await openSummaryAs(suite.browser, small.url, summaryId, 'leader', DEMO_PASSWORD)
      await expect.poll(() => reader.locator('[data-section-id="investment-service"] .ProseMirror').innerText(), { timeout: 10_000 }).toContain('粘贴之前写的。')
      expect(await reader.locator('[data-section-id="investment-service"] .ProseMirror').innerText()).not.toContain('协议资金五点二亿元')
      await writer.context().close()
      await reader.context().close()
    } finally {
      await small.close()
    }
  })
})

describe('the browser’s copy of a summary', () => {
  it('keeps what was typed offline through a closed tab and an ended login, and syncs it when the summary is opened again', async () => {
    let network!: NetworkSwitch
    const first = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD, async (page) => {
      network = await networkSwitch(page)
    })
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await network.drop()
    await expect.poll(() => first.locator('[data-connection-status]').innerText(), { timeout: 10_000 }).toMatch(/断开|连接中/)
    await first.locator('[data-section-id="investment-channels"] .ProseMirror').click()
    await first.keyboard.type('关掉页面前离线写下的内容。')
    await first.waitForTimeout(500)
    const context = first.context()
    await first.close()
    expect(await reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()).not.toContain('关掉页面前')

    const again = await context.newPage()
    await again.goto(`${suite.server.url}/s/${suite.summaryId}`)
    const readerText = () => reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()
    await expect.poll(readerText, { timeout: 10_000 }).toContain('关掉页面前离线写下的内容。')
    await expect.poll(() => again.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()).toContain('关掉页面前离线写下的内容。')
    expect(await again.locator('.notice').count()).toBe(0)

    // A login that ends while offline: after signing in again the offline text is synced.
    const againNetwork = await networkSwitch(again)
    await again.reload()
    await again.waitForSelector('[data-section-id] .ProseMirror')
    await expect.poll(() => again.locator('[data-connection-status]').innerText()).toContain('已连接')
    await againNetwork.drop()
    await expect.poll(() => again.locator('[data-connection-status]').innerText(), { timeout: 10_000 }).toMatch(/断开|连接中/)
    await again.locator('[data-section-id="investment-channels"] .ProseMirror').click()
    await again.keyboard.press('End')
    await again.keyboard.type('登录过期前写的。')
    await again.waitForTimeout(300)
    expect(await again.evaluate(() => fetch('/api/logout', { method: 'POST' }).then((response) => response.status))).toBe(200) // the session ends
    void againNetwork.restore() // the reconnect is refused with 4401
    await again.waitForURL(/\/login\?next=/, { timeout: 15_000 })
    await again.fill('input[name="username"]', 'invest')
    await again.fill('input[name="password"]', DEMO_PASSWORD)
    await again.click('button[type="submit"]')
    await again.waitForURL(`${suite.server.url}/s/${suite.summaryId}`)
    await expect.poll(readerText, { timeout: 10_000 }).toContain('登录过期前写的。')

    // Logging out forgets the browser's copies.
    await again.click('text=退出')
    await again.waitForURL(/\/login/)
    await expect.poll(async () => again.evaluate(async () => (await indexedDB.databases()).filter((db) => db.name?.startsWith('huizong:')).length)).toBe(0)
  })
})

describe('a summary that is not there', () => {
  it('says so on a page of its own, with the way back to the list, not an empty editor that keeps loading', async () => {
    const page = await (await suite.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage()
    await page.goto(`${suite.server.url}/login`)
    await page.fill('input[name="username"]', 'invest')
    await page.fill('input[name="password"]', DEMO_PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${suite.server.url}/`)
    await page.goto(`${suite.server.url}/s/no-such-summary`)
    const gone = page.locator('[data-summary-unavailable]')
    await expect.poll(() => gone.innerText(), { timeout: 10_000 }).toContain('该总结不存在或已被删除')
    expect(await page.locator('[data-action="export"], .paper').count()).toBe(0)
    await screenshot(page, 'summary-unavailable')
    await gone.getByText('返回总结列表').click()
    await page.waitForURL(`${suite.server.url}/`)
    // Its 进度 the same way, without asking again every 15 s.
    await page.goto(`${suite.server.url}/s/no-such-summary/progress`)
    await expect.poll(() => page.locator('[data-summary-unavailable]').innerText(), { timeout: 10_000 }).toContain('该总结不存在')
    expect(await page.locator('[data-action="assignments"]').count()).toBe(0)
    await page.context().close()
  })
})
