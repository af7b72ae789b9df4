import { describe, expect, it } from 'vitest'
import type { TiptapEditorHTMLElement } from '@tiptap/core'
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../integration/harness.js'
import { violations } from './axe.js'
import { caretAtEnd, openSummaryAs, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

const openAs = async (username: string, password = DEMO_PASSWORD, viewport?: { width: number; height: number }) => {
  const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, username, password)
  if (viewport) await page.setViewportSize(viewport)
  // Settled: the badges and checks of every section have been drawn.
  await expect.poll(() => page.locator('[data-connection-status]').innerText()).toContain('已连接')
  await expect.poll(() => page.locator('[data-section-id] [data-words]').count()).toBe(await page.locator('[data-section-id]').count())
  return page
}

describe('accessibility (axe-core, WCAG 2 AA)', () => {
  it('finds nothing wrong on the sign-in page, the list, a writer’s summary page and its 进度', async () => {
    const context = await suite.browser.newContext()
    const signIn = await context.newPage()
    await signIn.goto(`${suite.server.url}/login`)
    await signIn.waitForSelector('input[name="username"]')
    expect(await violations(signIn)).toEqual([])
    // Each page names itself in the tab (WCAG 2.4.2): offices keep several open side by side.
    expect(await signIn.title()).toBe('登录 - 汇总')
    await context.close()

    const writer = await openAs('invest')
    expect(await violations(writer)).toEqual([])
    await expect.poll(() => writer.title()).toBe('青山工业园区管理委员会2026年度工作总结 - 汇总')
    // The editor is a multi-line text box named by its section's heading, editable or not.
    const editor = writer.locator('[data-section-id="investment"] .ProseMirror')
    expect(await editor.getAttribute('role')).toBe('textbox')
    expect(await writer.locator(`#${await editor.getAttribute('aria-labelledby')}`).innerText()).toContain('招商引资')
    expect(await writer.locator('[data-section-id="economy"] .ProseMirror').getAttribute('role')).toBe('textbox')
    // A section's state in the outline is not a coloured dot only.
    expect(await writer.getByRole('navigation', { name: '提纲' }).getByRole('img', { name: '撰写中' }).count()).toBeGreaterThan(0)
    await writer.goto(`${suite.server.url}/`)
    await writer.waitForSelector('a[href$="/progress"]')
    expect(await violations(writer)).toEqual([])
    expect(await writer.title()).toBe('总结列表 - 汇总')
    await writer.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    await writer.waitForSelector('[data-review-section], .progress-table')
    expect(await violations(writer)).toEqual([])
    expect(await writer.title()).toBe('进度 · 青山工业园区管理委员会2026年度工作总结 - 汇总')
  })

  it('finds nothing wrong in the dialogs and the figures of a summary, on 系统管理 and on a phone', async () => {
    const admin = await openAs('admin', ADMIN_PASSWORD)
    for (const action of ['export', 'versions', 'edit-outline', 'import-by-headings']) {
      await admin.click(`[data-action="${action}"]`)
      await admin.waitForSelector('[role="dialog"]')
      await admin.waitForTimeout(300) // its first answer from the server drawn
      expect(await violations(admin), action).toEqual([])
      if (action === 'edit-outline') {
        // Each row's fields and buttons say which row they belong to, not just “不限” or “删除”.
        const dialog = admin.getByRole('dialog')
        for (const name of ['（二）招商引资取得新突破的字数目标', '（二）招商引资取得新突破上移', '删除（二）招商引资取得新突破']) expect(await dialog.getByRole(/字数/.test(name) ? 'spinbutton' : 'button', { name, exact: true }).count(), name).toBe(1)
      }
      await admin.keyboard.press('Escape')
      await expect.poll(() => admin.locator('[role="dialog"]').count()).toBe(0)
    }
    await admin.click('[data-action="toggle-figures"]')
    await admin.waitForSelector('[data-figure-key]')
    expect(await violations(admin), 'figures').toEqual([])
    // A figure in the text tells a screen reader what a mouse learns on hover: which figure, whose, as of when.
    const figure = admin.locator('[data-section-id="investment"] [data-indicator-key="agreed_funds"]').first()
    expect(await figure.getAttribute('aria-description')).toMatch(/^协议资金（招商部）/)
    await admin.click('[data-action="change-password"]')
    await admin.waitForSelector('[role="dialog"]')
    expect(await violations(admin), 'change-password').toEqual([])
    await admin.keyboard.press('Escape')
    await admin.goto(`${suite.server.url}/admin`)
    await admin.waitForSelector('[data-preview-section="overview"]')
    expect(await violations(admin)).toEqual([])

    const phone = await openAs('economy', DEMO_PASSWORD, { width: 390, height: 800 })
    expect(await violations(phone)).toEqual([])
  })

  it('keeps the keyboard inside an open dialog and gives the focus back when it closes', async () => {
    const writer = await openAs('invest')
    const opener = writer.locator('[data-action="export"]')
    await opener.focus()
    await writer.keyboard.press('Enter')
    await writer.waitForSelector('[role="dialog"][aria-modal="true"]')
    const focusInDialog = () => writer.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))
    await expect.poll(focusInDialog).toBe(true)
    // Round the dialog and past its end, both ways: never onto the page behind it.
    const visited = new Set<string>()
    for (const key of [...Array(40).fill('Tab'), ...Array(40).fill('Shift+Tab')]) {
      await writer.keyboard.press(key)
      expect(await focusInDialog(), `focus left the dialog after ${key}`).toBe(true)
      visited.add(await writer.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''))
    }
    expect(visited.size).toBeGreaterThan(3) // it did move among the dialog's controls
    await writer.keyboard.press('Escape')
    await expect.poll(() => writer.locator('[role="dialog"]').count()).toBe(0)
    await expect.poll(() => opener.evaluate((element) => element === document.activeElement)).toBe(true)
    // A jump from the dialog's checks to a section the writer writes takes the keyboard along.
    const ownId = await writer.locator('[data-section-id]:has(.ProseMirror[contenteditable="true"])').first().getAttribute('data-section-id')
    const heading = await writer.locator(`[data-section-id="${ownId}"] .section-title`).innerText()
    await opener.press('Enter')
    await writer.locator('[role="dialog"] a', { hasText: `“${heading}”` }).first().press('Enter')
    await expect.poll(() => writer.locator('[role="dialog"]').count()).toBe(0)
    const ownEditor = writer.locator(`[data-section-id="${ownId}"] .ProseMirror`)
    await expect.poll(() => ownEditor.evaluate((element) => element === document.activeElement)).toBe(true)
    await writer.waitForTimeout(100) // and it stays there
    expect(await ownEditor.evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('lets the keyboard use a section’s toolbar and open a file chooser', async () => {
    const writer = await openAs('invest')
    // Listened for from the start: Playwright switches the interception on asynchronously.
    const choosers: string[] = []
    writer.on('filechooser', (chooser) => void chooser.element().getAttribute('name').then((name) => choosers.push(name ?? '')))
    const section = writer.locator('[data-section-id="investment-service"]')
    const editor = section.locator('.ProseMirror')
    await caretAtEnd(writer, 'investment-service')
    await writer.keyboard.press('Enter')
    await writer.keyboard.insertText('重点项目')
    await expect.poll(() => editor.locator('p').last().innerText()).toBe('重点项目')
    await writer.keyboard.press('Shift+Home')
    // The editor has taken the selection in (a person takes longer than that to reach the toolbar).
    await expect.poll(() => editor.evaluate((element) => { const { state } = (element as TiptapEditorHTMLElement).editor!; return state.doc.textBetween(state.selection.from, state.selection.to) })).toBe('重点项目')
    // Back to the toolbar as Shift+Tab would arrive there, then Enter on 加粗.
    await section.locator('button[title="加粗"]').focus()
    await writer.keyboard.press('Enter')
    await expect.poll(() => editor.locator('strong').allInnerTexts()).toContain('重点项目')
    // …and the writer is back in the text, to go on typing.
    await expect.poll(() => editor.evaluate((element) => element === document.activeElement)).toBe(true)
    // 导入 Word is a file field the keyboard reaches (Shift+Tab from 撤销) and opens with Space.
    await section.locator('button[title="撤销"]').focus()
    await writer.keyboard.press('Shift+Tab')
    expect(await writer.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('importDocx')
    await writer.keyboard.press('Space')
    await expect.poll(() => choosers).toEqual(['importDocx'])
  })

  it('skips from the first Tab past the header, outline and buttons straight to the text', async () => {
    const writer = await openAs('invest')
    await writer.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await writer.keyboard.press('Tab')
    const active = () => writer.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', inText: Boolean(document.activeElement?.closest('article.paper')) }))
    expect((await active()).text).toBe('跳到正文')
    expect(await writer.locator('[data-action="skip-to-content"]').isVisible()).toBe(true)
    await writer.keyboard.press('Enter')
    await expect.poll(async () => (await active()).inText).toBe(true)
    // The next stop is in the summary's text, not in the outline or the bar above it.
    await writer.keyboard.press('Tab')
    expect((await active()).inText).toBe(true)
  })

  it('lists what a check badge counts on a click or Enter, on a phone or by keyboard (no tooltip there)', async () => {
    const phone = await openAs('invest', DEMO_PASSWORD, { width: 390, height: 800 })
    const section = phone.locator('[data-section-id="plan-investment"]')
    await caretAtEnd(phone, 'plan-investment')
    await phone.keyboard.insertText('组织企业座谈会,收集意见建议。')
    const badge = section.locator('[data-punctuation-check]')
    await expect.poll(() => badge.innerText(), { timeout: 10_000 }).toBe('标点 1')
    expect(await badge.getAttribute('aria-expanded')).toBe('false')
    await badge.click()
    const lines = section.locator('[data-badge-lines]')
    await expect.poll(() => lines.innerText()).toContain(await badge.getAttribute('title'))
    expect(await badge.getAttribute('aria-expanded')).toBe('true')
    await badge.focus()
    await phone.keyboard.press('Enter')
    await expect.poll(() => lines.count()).toBe(0)
    await phone.keyboard.press('Enter')
    await expect.poll(() => lines.count()).toBe(1)
    expect(await violations(phone)).toEqual([])
    // Fixed, the badge and its list go.
    await section.locator('[data-action="fix-punctuation"]').click()
    await expect.poll(() => badge.count()).toBe(0)
    expect(await lines.count()).toBe(0)
  })

  it('exports HTML that a government website can publish as it is (axe finds nothing)', async () => {
    const admin = await openAs('admin', ADMIN_PASSWORD)
    const response = await admin.request.get(`${suite.server.url}/api/summaries/${suite.summaryId}/export?format=html`)
    expect(response.status()).toBe(200)
    const page = await admin.context().newPage()
    await page.setContent(await response.text())
    expect(await violations(page)).toEqual([])
    expect(await page.getByRole('main').getByRole('heading', { level: 1 }).count()).toBe(1)
  })
})
