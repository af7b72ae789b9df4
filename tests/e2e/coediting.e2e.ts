import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import type { TiptapEditorHTMLElement } from '@tiptap/core'
import type { Locator, Page } from 'playwright-core'
import * as Y from 'yjs'
import { connect, DEMO_PASSWORD, login, synced, tableElement } from '../integration/harness.js'
import { caretAtEnd, openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

const editorOf = (page: Page, sectionId: string) => page.locator(`[data-section-id="${sectionId}"] .ProseMirror`)
/** An element's text without colleagues' caret labels. */
const plainText = (locator: Locator) =>
  locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return copy.textContent ?? ''
  })
const textOf = (page: Page, sectionId: string) => plainText(editorOf(page, sectionId))

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

    // The outline marks the sections the writer's department writes, and jumps to a section
    // with its heading in view below the status bar, which stays at the top.
    expect(await invest.locator('.outline [data-outline-own]').count()).toBe(await invest.locator('.ProseMirror[contenteditable="true"]').count())
    await invest.locator('.outline a', { hasText: '安全生产形势总体平稳' }).click()
    const headingTop = async () => {
      const bar = (await invest.locator('.status-bar').boundingBox())!
      const heading = (await invest.locator('[data-section-id="safety"] .section-header').boundingBox())!
      return bar.y === 0 && heading.y >= bar.height && heading.y < bar.height + 40
    }
    await expect.poll(headingTop, { timeout: 5_000 }).toBe(true)
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

    // The outline and the 在线 list say where a colleague is writing, and follow them.
    const dotIn = (sectionId: string) => first.locator(`.outline li:has(a[href="#section-${sectionId}"]) [data-outline-present="invest2"]`)
    await expect.poll(() => dotIn('investment-channels').count(), { timeout: 10_000 }).toBe(1)
    expect(await first.locator('[data-presence-user="invest2"] [data-presence-where]').innerText()).toBe('在 1.拓宽招商渠道')
    await editorOf(second, 'plan-investment').click()
    await second.keyboard.type('精准招商')
    await expect.poll(() => dotIn('plan-investment').count(), { timeout: 10_000 }).toBe(1)
    expect(await dotIn('investment-channels').count()).toBe(0)
    await expect.poll(() => first.locator('[data-presence-user="invest2"] [data-presence-where]').innerText()).toBe('在 （一）聚焦主导产业精准招商')
    await screenshot(first, 'coediting-presence')
    // One's own caret is no news in one's own outline.
    expect(await first.locator('[data-outline-present="invest"]').count()).toBe(0)
  })

  it('keeps a pinyin composition whole while a colleague types in the same paragraph', async () => {
    const composer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const colleague = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD)
    const sectionId = 'investment-service'
    const lastLine = (page: Page) => editorOf(page, sectionId).locator('p').last()
    for (const page of [composer, colleague]) await expect.poll(() => page.locator('[data-connection-status]').innerText()).toBe('已连接，实时同步中')
    await caretAtEnd(composer, sectionId)
    await composer.keyboard.press('Enter')
    await composer.keyboard.type('建成。')
    await composer.keyboard.press('ArrowLeft')
    await expect.poll(() => plainText(lastLine(colleague)), { timeout: 10_000 }).toBe('建成。')
    // The colleague writes at the same place, right where the composition grows.
    await caretAtEnd(colleague, sectionId)
    await colleague.keyboard.press('ArrowLeft')

    // What an input method does for 地方 (typed as "di fang"), via the DevTools protocol, while
    // the colleague's keystrokes keep arriving in the same paragraph.
    const ime = await composer.context().newCDPSession(composer)
    const compose = (text: string) => ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    // The colleague's keystrokes reach the composer's page while the composition is open.
    const colleagueTypes = async (text: string) => {
      await colleague.keyboard.type(text)
      await colleague.waitForTimeout(200)
    }
    for (const [pinyin, typed] of [['d', '孵'], ['di', '化'], ['di f', '基'], ['di fa', '地'], ['di fan', '设'], ['di fang', '施']]) {
      await compose(pinyin!)
      await composer.waitForTimeout(100)
      await colleagueTypes(typed!)
      // Nor does the colleague see the pinyin flicker in the text.
      expect(await textOf(colleague, sectionId)).not.toMatch(/[a-z]/)
    }
    await ime.send('Input.insertText', { text: '地方' })

    // No letters of the composition are left behind, and nobody's characters are lost.
    for (const page of [composer, colleague]) {
      await expect.poll(() => textOf(page, sectionId), { timeout: 10_000 }).toMatch(/建成(地方孵化基地设施|孵化基地设施地方)。$/)
      expect(await textOf(page, sectionId)).not.toMatch(/[a-z]/)
    }
  })

  it('keeps a section’s 字数 and checks current while a colleague types in it without a pause', async () => {
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const section = reader.locator('[data-section-id="investment-channels"]')
    const words = () => section.locator('[data-words]').getAttribute('data-words').then(Number)
    const before = await words()
    // A colleague adds a character every 100 ms, never pausing for the 300 ms the count waits for.
    const colleague = connect(suite.server, suite.summaryId, await login(suite.server, 'invest2'))
    await synced(colleague)
    const text = new Y.XmlText()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [text])
    const fragment = colleague.doc.getXmlFragment('section:investment-channels')
    fragment.insert(fragment.length, [paragraph])
    let typed = 0
    let stop = false
    const typing = (async () => {
      for (; typed < 100 && !stop; typed += 1) {
        text.insert(text.length, '招')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    await expect.poll(words, { timeout: 8000 }).toBeGreaterThan(before)
    const typedWhenCounted = typed
    stop = true
    await typing
    // Counted while the colleague was still typing (100 characters take 10 s), then all of it.
    expect(typedWhenCounted).toBeLessThan(100)
    await expect.poll(words).toBe(before + typed)
    colleague.destroy()
  })

  it('finds a phrase across the summary and replaces it only where the user may write, one undo step per section', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const safety = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)
    await caretAtEnd(safety, 'plan-safety')
    await safety.keyboard.press('Enter')
    await safety.keyboard.type('开展示范工程安全检查。')
    await caretAtEnd(invest, 'plan-investment')
    await invest.keyboard.press('Enter')
    await invest.keyboard.type('加快示范工程建设，示范工程早投产。')
    await expect.poll(() => textOf(invest, 'plan-safety'), { timeout: 10_000 }).toContain('开展示范工程安全检查。')

    await invest.keyboard.press('Control+h')
    await invest.fill('input[name="findText"]', '示范工程')
    await expect.poll(() => invest.locator('[data-find-total]').innerText()).toBe('共 3 处')
    // Marked in every section, also in one the user may only read.
    expect(await invest.locator('[data-section-id="plan-safety"] [data-search-match]').count()).toBe(1)
    expect(await invest.locator('[data-find-section="plan-investment"]').innerText()).toContain('2 处')
    expect(await invest.locator('[data-find-section="plan-safety"] [data-action="replace-section"]').count()).toBe(0)
    expect(await invest.locator('[data-find-section="plan-safety"]').innerText()).toContain('只读')
    // 下一处 walks through the matches in the order of the text.
    await invest.click('[data-action="find-next"]')
    await expect.poll(() => invest.locator('[data-section-id="plan-investment"] .search-match.current').count()).toBe(1)
    await screenshot(invest, 'find-replace')

    await invest.fill('input[name="replaceText"]', '重大项目')
    invest.once('dialog', (dialog) => void dialog.accept())
    await invest.click('[data-action="replace-all"]')
    await expect
      .poll(() => invest.locator('[data-find-outcome]').innerText())
      .toBe('已替换 2 处（1 个章节），每个章节可分别撤销；另有 1 处在您不能修改的章节，未替换。')
    await expect.poll(() => invest.locator('[data-find-total]').innerText()).toBe('共 1 处')
    // The colleague sees the replacement live; their own section is untouched.
    await expect.poll(() => textOf(safety, 'plan-investment'), { timeout: 10_000 }).toContain('加快重大项目建设，重大项目早投产。')
    expect(await textOf(safety, 'plan-safety')).toContain('开展示范工程安全检查。')

    // Esc closes the panel and its marks; one undo in the section brings both back.
    await invest.keyboard.press('Escape')
    await expect.poll(() => invest.locator('[data-search-match]').count()).toBe(0)
    await editorOf(invest, 'plan-investment').evaluate((element) => (element as TiptapEditorHTMLElement).editor!.view.focus())
    await invest.keyboard.press('Control+z')
    await expect.poll(() => textOf(safety, 'plan-investment'), { timeout: 10_000 }).toContain('加快示范工程建设，示范工程早投产。')
  })

  it('imports a department’s Word file into its sections by their headings, only where it may write', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const lines = ['招商部2026年工作总结', '（二）招商引资取得新突破', '全年开展招商活动36场。', '1.拓宽招商渠道', '赴长三角驻点招商6次。', '（四）安全生产形势总体平稳', '不该导入的内容。']
    const word = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }))
    await invest.click('[data-action="import-by-headings"]')
    await invest.setInputFiles('input[name="sectionsDocx"]', { name: '招商部总结.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: word })
    const parts = invest.locator('[data-import-parts] li')
    await expect.poll(() => parts.count(), { timeout: 10_000 }).toBe(2)
    expect(await parts.nth(0).innerText()).toBe('（二）招商引资取得新突破 ← 1 段（本节已有内容，追加在末尾）')
    expect(await parts.nth(1).innerText()).toMatch(/^1\.拓宽招商渠道 ← 1 段/)
    expect(await invest.locator('[data-import-unmatched]').innerText()).toBe('不导入的标题：（四）安全生产形势总体平稳')
    await invest.click('[data-action="import-sections"]')
    await expect.poll(() => invest.locator('[data-import-sections-status]').innerText()).toBe('已把“招商部总结.docx”导入 2 个章节，可在各章节中分别撤销')
    await invest.keyboard.press('Escape')
    const safety = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)
    await expect.poll(() => textOf(safety, 'investment-channels'), { timeout: 10_000 }).toMatch(/赴长三角驻点招商6次。$/)
    expect(await textOf(safety, 'investment')).toMatch(/全年开展招商活动36场。$/)
    expect(await textOf(safety, 'safety')).not.toContain('不该导入')

    // Headings numbered by a Word list (automatic 一、 （一） 1., nested list items to mammoth) are found as typed ones are.
    const listed = (text: string, level: number) => new Paragraph({ numbering: { reference: 'gbt', level }, children: [new TextRun(text)] })
    const levels = [LevelFormat.CHINESE_COUNTING, LevelFormat.CHINESE_COUNTING, LevelFormat.DECIMAL].map((format, level) => ({ level, format, text: ['%1、', '（%2）', '%3.'][level]! }))
    const numbered = await Packer.toBuffer(new Document({
      numbering: { config: [{ reference: 'gbt', levels }] },
      sections: [{ children: [listed('主要工作完成情况', 0), listed('招商引资取得新突破', 1), new Paragraph('全年开展招商活动36场。'), listed('拓宽招商渠道', 2), new Paragraph('赴长三角驻点招商6次。'), listed('安全生产形势总体平稳', 1), new Paragraph('不该导入的内容。')] }],
    }))
    await invest.click('[data-action="import-by-headings"]')
    await invest.setInputFiles('input[name="sectionsDocx"]', { name: '招商部总结（自动编号）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: numbered })
    await expect.poll(() => parts.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^（二）招商引资取得新突破 ← 1 段/), expect.stringMatching(/^1\.拓宽招商渠道 ← 1 段/)])
    expect(await invest.locator('[data-import-unmatched]').innerText()).toBe('不导入的标题：主要工作完成情况、安全生产形势总体平稳')
  })

  it('makes a table in a section, live for colleagues, and takes one in from a Word draft', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const safety = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)
    const words = () => invest.locator('[data-section-id="plan-investment"] [data-words]').getAttribute('data-words').then(Number)
    const wordsBefore = await words()
    await caretAtEnd(invest, 'plan-investment')
    const toolbar = invest.locator('[data-section-id="plan-investment"] .toolbar')
    await toolbar.locator('[data-action="insert-table"]').click()
    await expect.poll(() => toolbar.locator('[data-action="table-addRowAfter"]').count()).toBe(1)
    for (const [index, value] of ['项目', '进展', '投资', '标准厂房', '主体完工', '1.2亿元'].entries()) {
      if (index > 0) await invest.keyboard.press('Tab')
      await invest.keyboard.type(value, { delay: 10 })
    }
    await toolbar.locator('[data-action="table-addRowAfter"]').click()
    const table = safety.locator('[data-section-id="plan-investment"] table')
    await expect.poll(() => table.locator('tr').count(), { timeout: 10_000 }).toBe(4)
    // Cell text without a colleague's caret label.
    const cells = (row: Locator) =>
      row.locator('th, td').evaluateAll((elements) =>
        elements.map((element) => {
          const copy = element.cloneNode(true) as HTMLElement
          copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
          return copy.textContent ?? ''
        }),
      )
    await expect.poll(() => cells(table.locator('tr').nth(1))).toEqual(['标准厂房', '主体完工', '1.2亿元'])
    expect(await cells(table.locator('tr').nth(0))).toEqual(['项目', '进展', '投资'])
    expect(await table.locator('tr').nth(0).locator('th').count()).toBe(3)
    // Its text counts (字数) like any other.
    await expect.poll(words).toBe(wordsBefore + 17)
    await screenshot(invest, 'writers-table')

    // A table in a Word draft comes in as a table.
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] })
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows: [new TableRow({ children: [cell('园区道路'), cell('3.2公里')] })] })] }] }))
    await caretAtEnd(invest, 'plan-investment')
    await invest.setInputFiles('[data-section-id="plan-investment"] input[name="importDocx"]', { name: '道路.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: word })
    await expect.poll(() => safety.locator('[data-section-id="plan-investment"] table').count(), { timeout: 10_000 }).toBe(2)
    await expect.poll(() => cells(safety.locator('[data-section-id="plan-investment"] table').nth(1).locator('tr'))).toEqual(['园区道路', '3.2公里'])

    // The export prints both as tables.
    const exported = await (await invest.request.get(`${suite.server.url}/api/summaries/${suite.summaryId}/export?format=txt`)).text()
    expect(exported).toContain('　　项目 | 进展 | 投资\n　　标准厂房 | 主体完工 | 1.2亿元\n')
    expect(exported).toContain('　　园区道路 | 3.2公里\n')
  })

  it('leaves an uneven table merged from elsewhere as it is in every open editor (no repair war, no refused writes)', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    // A second writer of 招商部 whose table ended up with rows of 2 and 3 cells, as concurrent row
    // and column edits of two writers merge.
    const other = connect(suite.server, suite.summaryId, await login(suite.server, 'invest2'))
    await synced(other)
    const table = tableElement([['甲', '乙'], ['丙', '丁', '戊']])
    const fragment = other.doc.getXmlFragment('section:investment-service')
    fragment.insert(fragment.length, [table])
    for (const page of [invest, leader]) {
      await expect.poll(() => page.locator('[data-section-id="investment-service"] table td').count(), { timeout: 10_000 }).toBe(5)
    }
    // Nobody's editor added the missing cell: the table stays as written, and the reader was not
    // refused anything (a refusal would reset its page and say so above it).
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(table.toArray().map((tableRow) => (tableRow as Y.XmlElement).length)).toEqual([2, 3])
    expect(other.closes).toEqual([])
    expect(await leader.locator('[data-section-id="investment-service"] table td').count()).toBe(5)
    expect(await leader.locator('[role="alert"]').count()).toBe(0)
    other.destroy()
  })
})

