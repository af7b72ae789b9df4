import { Document, Packer, Paragraph, TextRun } from 'docx'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, api, DEMO_PASSWORD, login } from '../integration/harness.js'
import { violations } from './axe.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

describe('finalising a section in Chromium', () => {
  it('hands a section in, a leader approves it, and it is locked for its writers', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const section = writer.locator('[data-section-id="investment-channels"]')
    await section.locator('.ProseMirror').click()
    await writer.keyboard.type('以商招商引进项目6个。')
    // The section's 字数 follows the text, counted as the progress report counts it (以商招商引进项目
    // 8, 6 1, 个 1, 。1), for the writer and for everyone else.
    const token = await login(suite.server, 'admin')
    const reported = async () => {
      const response = await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/progress`, { headers: { authorization: `Bearer ${token}` } })
      return ((await response.json()) as { sections: Array<{ id: string; words: number }> }).sections.find((item) => item.id === 'investment-channels')!.words
    }
    const counted = '11'
    await expect.poll(async () => [await section.locator('.section-words').getAttribute('data-words'), String(await reported())]).toEqual([counted, counted])
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await section.locator('[data-transition="review"]').click()
    await expect.poll(() => section.locator('[data-status]').getAttribute('data-status')).toBe('review')
    // A leader reading meanwhile hears of it, with the way to the review queue.
    await expect.poll(() => leader.locator('[data-section-news]').innerText()).toMatch(/^已提交待审核：“1\.拓宽招商渠道”（招商部）。/)
    expect(await writer.locator('[data-section-news]').count()).toBe(0)
    await leader.locator('[data-section-news] [data-action="go-review"]').click()
    await leader.waitForURL(/\/progress$/)
    await leader.waitForSelector('[data-review-queue]')
    await leader.goBack()
    await leader.waitForSelector('[data-section-id] .ProseMirror')
    const reviewed = leader.locator('[data-section-id="investment-channels"]')
    expect(await reviewed.locator('.section-words').getAttribute('data-words')).toBe(counted)
    await reviewed.locator('[data-transition="final"]').click()

    await expect.poll(() => section.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('final')
    await expect.poll(() => section.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')
    expect(await writer.locator('.outline [data-outline-status="final"]').count()).toBe(1)
    // The writer is told, not left to find out by typing into a locked text; the leader is not.
    expect(await writer.locator('[data-section-news]').innerText()).toMatch(/^“1\.拓宽招商渠道”已定稿，内容已锁定，如需修改请联系办公室重新打开。/)
    expect(await leader.locator('[data-section-news]').count()).toBe(0)
    await section.locator('.ProseMirror').click()
    await writer.keyboard.type('锁定后输入')
    expect(await section.locator('.ProseMirror').innerText()).not.toContain('锁定后输入')
    await screenshot(writer, 'workflow-locked')

    await writer.click('[data-action="progress"]')
    await expect.poll(() => writer.locator('[data-progress-section="investment-channels"]').innerText(), { timeout: 10_000 }).toContain('已定稿')
    expect(await writer.locator('[data-progress-section="investment-channels"]').innerText()).toContain('张招商')
    // Each department's words toward its target show beside its workflow bar.
    const department = writer.locator('[data-department="招商部"]')
    const [, words, target] = /(\d+)\/(\d+) 字/.exec(await department.innerText())!.map(Number)
    expect(words).toBeGreaterThan(0)
    expect(await department.locator('.words-bar > div').evaluate((bar) => (bar as HTMLElement).style.width)).toBe(`${Math.min(100, Math.round((words! / target!) * 100))}%`)
    await screenshot(writer, 'workflow-progress')
  })
})

describe('the last approval, in Chromium', () => {
  it('tells a leader reading the summary that everything is final, with the way to export it', async () => {
    const admin = await login(suite.server, 'admin')
    const { id } = (await api<{ id: string }>(suite.server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '定稿测试园区' } })).body
    const leader = await openSummaryAs(suite.browser, suite.server.url, id, 'leader', DEMO_PASSWORD)
    const sections = (await api<{ sections: Array<{ id: string }> }>(suite.server, `/api/summaries/${id}`, { token: admin })).body.sections
    for (const section of sections)
      for (const status of ['review', 'final']) expect((await api(suite.server, `/api/summaries/${id}/sections/${section.id}`, { token: admin, method: 'PATCH', body: { status } })).status).toBe(200)
    const news = leader.locator('[data-section-news]')
    // Sections handed in and approved meanwhile are no longer waiting: only the end is news.
    await expect.poll(() => news.innerText()).toMatch(/^全部章节已定稿，全文已自动保存为版本，可以导出。\s*导出/)
    await news.locator('[data-action="go-export"]').click()
    // The dialog opens, its preview of the final text drawn (the first export after a start waits for a worker).
    await expect.poll(() => leader.locator('[data-export-preview]').innerText(), { timeout: 10_000 }).toContain('定稿测试园区')
  })
})

describe('pasting a draft from Word in Chromium', () => {
  it('keeps the text and drops the indent typed by hand, which the exports add themselves', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'party', DEMO_PASSWORD)
    const editor = writer.locator('[data-section-id="party"] .ProseMirror')
    await editor.click() // the section is empty: the caret is at the start of its only line
    await editor.evaluate((target) => {
      const data = new DataTransfer()
      // What Word puts on the clipboard, trimmed: MsoNormal paragraphs indented with 　　.
      data.setData('text/html', '<p class="MsoNormal" style="text-indent:0"><span lang="ZH-CN">　　开展主题党日活动<b>12</b>次。<o:p></o:p></span></p><p class="MsoNormal"><span>　　完成党风廉政教育全覆盖。</span></p>')
      data.setData('text/plain', '　　开展主题党日活动12次。\r\n　　完成党风廉政教育全覆盖。')
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await expect.poll(() => editor.locator('p').allInnerTexts()).toEqual(['开展主题党日活动12次。', '完成党风廉政教育全覆盖。'])
    expect(await editor.locator('p strong').innerText()).toBe('12')
    const token = await login(suite.server, 'admin')
    await expect
      .poll(async () => (await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/export?format=txt`, { headers: { authorization: `Bearer ${token}` } })).text())
      .toContain('\n　　开展主题党日活动12次。\n　　完成党风廉政教育全覆盖。\n')
  })
})

describe('reading on a phone', () => {
  it('lays the summary out in one column, as wide as the screen, the text on the first screen and the outline a tap away', async () => {
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, (page) => page.setViewportSize({ width: 390, height: 844 }))
    await expect.poll(async () => (await leader.locator('.paper').boundingBox())!.width).toBeGreaterThan(330)
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // The outline comes first, folded to one line, and the text starts on the first screen.
    const outline = leader.locator('nav.outline')
    expect(await outline.locator('summary').innerText()).toMatch(/^提纲（\d+ 节）$/)
    expect(await outline.locator('ol').isVisible()).toBe(false)
    const firstSection = (await leader.locator('[data-section-id] .ProseMirror').first().boundingBox())!
    expect(firstSection.y).toBeLessThan(844)
    await screenshot(leader, 'phone')
    // A tap opens it (short, scrolling inside), a tap on a section goes there.
    await outline.locator('summary').click()
    expect((await outline.boundingBox())!.height).toBeLessThan(844 * 0.6)
    await outline.locator('a', { hasText: '招商引资取得新突破' }).click()
    await expect.poll(async () => (await leader.locator('[data-section-id="investment"]').boundingBox())!.y).toBeLessThan(300)
    // 指标数据: a card per figure, its name first (not its key, which is for the CSV), each value
    // with its column's name, nothing to scroll sideways.
    await leader.click('[data-action="toggle-figures"]')
    const panel = leader.locator('.figures-panel')
    const card = panel.locator('tr[data-figure-key="agreed_funds"]')
    await expect.poll(() => card.locator('td:visible').first().innerText()).toBe('协议资金')
    expect(await card.locator('td[data-label="本年"]').evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"本年："')
    expect(await panel.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(leader, 'phone-figures')
    // 进度 too: “0% 已定稿” on one line (it broke into a column of single characters), nothing sideways.
    await leader.click('[data-action="progress"]')
    const figure = leader.locator('.completion-figure')
    await expect.poll(() => figure.count()).toBe(1)
    expect((await figure.boundingBox())!.height).toBeLessThan(30)
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })

  it('keeps the text a writable width on a 1024-wide office laptop, comments still beside it', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'economy', DEMO_PASSWORD)
    await writer.setViewportSize({ width: 1024, height: 768 })
    const editor = writer.locator('[data-section-id="economy"] .ProseMirror')
    await expect.poll(async () => (await editor.boundingBox())!.width).toBeGreaterThan(440)
    const comments = (await writer.locator('[data-section-id="economy"] .section-comments').boundingBox())!
    expect(comments.x).toBeGreaterThan((await editor.boundingBox())!.x + 440)
    expect(await writer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  })
})

describe('the summary’s deadline and title', () => {
  it('sets a deadline that every writer sees at once, with what their department still has to hand in, and renames the summary', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    expect(await writer.locator('[data-deadline]').count()).toBe(0)
    await admin.click('[data-action="edit-deadline"]')
    await admin.fill('input[name="dueDate"]', '2020-12-10')
    await admin.click('[data-action="save-deadline"]')
    // 规划建设局 writes two sections, both still being written.
    await expect.poll(async () => (await writer.locator('[data-deadline]').innerText()).replace(/\s+/g, ' ')).toMatch(/^提交截止 12月10日（已逾期 \d+ 天） · 本部门还有 2 节未提交审核$/)
    expect(await writer.locator('[data-deadline]').getAttribute('class')).toContain('overdue')
    // The outline marks the sections still being written.
    await expect.poll(() => writer.locator('nav.outline [data-outline-overdue]').count()).toBeGreaterThan(5)
    // Writers read the deadline; only the admin changes it.
    expect(await writer.locator('[data-action="edit-deadline"]').count()).toBe(0)
    await writer.click('[data-action="progress"]')
    await expect.poll(() => writer.locator('[data-progress-section="infrastructure"] [data-overdue]').count()).toBe(1)
    await screenshot(writer, 'progress-deadline')
    // The admin renames the summary; the writer's page follows.
    await admin.click('[data-action="edit-title"]')
    await admin.fill('input[name="summaryTitle"]', '青山工业园区2026年工作总结和2027年工作打算')
    await admin.click('.title-form button[type="submit"]')
    await writer.click('text=← 返回总结')
    await expect.poll(() => writer.locator('.summary-title').innerText()).toBe('青山工业园区2026年工作总结和2027年工作打算')
  })

  it('names a section’s 执笔人: a writer takes it on, a colleague hands it over, everyone sees it', async () => {
    const invest = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    // 1.拓宽招商渠道 was approved above (final): 2.做优项目服务 is still being written.
    const header = (page: typeof invest) => page.locator('[data-section-id="investment-service"] .section-header')
    await header(invest).locator('[data-action="take-section"]').click()
    await expect.poll(() => header(leader).locator('.writer-name').innerText(), { timeout: 10_000 }).toBe('执笔：张招商')
    // The deadline above the page tells the writer which of the department's sections are theirs.
    await expect.poll(() => invest.locator('[data-to-hand-in]').innerText()).toMatch(/^本部门还有 \d+ 节未提交审核（您执笔 1 节）$/)
    // …and the outline marks it as theirs (only theirs: the leader's outline has no such mark).
    expect(await invest.locator('nav.outline li:has(a[href="#section-investment-service"]) [data-outline-mine]').count()).toBe(1)
    expect(await invest.locator('nav.outline [data-outline-mine]').count()).toBe(1)
    expect(await leader.locator('nav.outline [data-outline-mine]').count()).toBe(0)
    // A leader reads who writes it, and names no one.
    expect(await header(leader).locator('[data-action="choose-writer"]').count()).toBe(0)
    await header(invest).locator('[data-action="choose-writer"]').click()
    await header(invest).locator('select[name="writer"]').selectOption({ label: '陈招商' })
    await expect.poll(() => header(leader).locator('.writer-name').innerText(), { timeout: 10_000 }).toBe('执笔：陈招商')
    await screenshot(invest, 'section-writer')
    // Another department's writer sees it and cannot change it.
    expect(await invest.locator('[data-section-id="safety"] [data-action="choose-writer"]').count()).toBe(0)
  })

  it('sets a 全文字数上限 in 编辑提纲 that every page counts against as anyone writes', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    expect(await writer.locator('[data-word-limit]').count()).toBe(0)
    await admin.click('[data-action="edit-outline"]')
    await admin.fill('input[name="wordLimit"]', '800')
    await admin.click('[data-action="save-word-limit"]')
    await expect.poll(() => admin.locator('[role="dialog"] [role="status"]').innerText()).toBe('全文字数上限设为 800 字')
    await admin.keyboard.press('Escape')
    // The page counts as the progress report counts.
    const serverWords = async () => ((await (await writer.request.get(`${suite.server.url}/api/summaries/${suite.summaryId}/progress`)).json()) as { overall: { words: number } }).overall.words
    const before = await serverWords()
    const notice = writer.locator('[data-word-limit]')
    await expect.poll(() => notice.innerText()).toBe(`全文 ${before} / 800 字`)
    expect(await notice.getAttribute('class')).not.toContain('overdue')
    // Writing changes the count on every page (18 字 a sentence).
    await writer.locator('[data-section-id="infrastructure"] .ProseMirror').click()
    await writer.keyboard.press('Control+End') // after the last sentence: no number split in two
    await writer.keyboard.type('完成园区道路、供排水和标准厂房建设。'.repeat(3))
    await expect.poll(() => admin.locator('[data-word-limit]').getAttribute('data-words').then(Number), { timeout: 10_000 }).toBe(before + 54)
    await expect.poll(serverWords).toBe(before + 54)
    await admin.locator('[data-section-id="infrastructure"]').scrollIntoViewIfNeeded()
    await admin.click('[data-action="edit-outline"]')
    await admin.fill('input[name="wordLimit"]', String(before + 24))
    await admin.click('[data-action="save-word-limit"]')
    await admin.keyboard.press('Escape')
    await expect.poll(() => writer.locator('[data-word-limit]').getAttribute('class')).toContain('overdue')
    await admin.click('[data-action="export"]')
    await expect.poll(() => admin.locator('[data-length-checks]').innerText(), { timeout: 10_000 }).toBe(`全文 ${before + 54} 字，超过要求的 ${before + 24} 字（多 30 字），请压缩`)
  })
})

describe('approving what was handed in', () => {
  it('sends a section back from the review queue on a phone, as a card with its reason on the screen', async () => {
    const build = await login(suite.server, 'build', DEMO_PASSWORD)
    expect((await api(suite.server, `/api/summaries/${suite.summaryId}/sections/infrastructure`, { token: build, method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, (page) => page.setViewportSize({ width: 390, height: 844 }))
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    const card = leader.locator('[data-review-section="infrastructure"]')
    await card.locator('[data-transition="drafting"]').click()
    const send = card.locator('.reason-form button[type="submit"]')
    await card.locator('input[name="reason"]').fill('请补充道路建设里程')
    // The row is a card as wide as the screen: the reason, 退回 and 取消 all within it (they ran off its edge).
    const withinScreen = (locator: typeof card) => locator.evaluate((element) => element.getBoundingClientRect().right <= window.innerWidth)
    expect(await withinScreen(card.locator('.reason-form button[type="button"]'))).toBe(true)
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await card.locator('td[data-label="部门"]').evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"部门："')
    await screenshot(leader, 'phone-review-queue')
    // 各章节 below is cards too: the heading on a line of its own, each fact after its name.
    const row = leader.locator('[data-progress-section="infrastructure"]')
    expect(await row.locator('td[data-label="字数"]').evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"字数："')
    expect(await row.evaluate((tr) => tr.children[1]!.getBoundingClientRect().top >= tr.children[0]!.getBoundingClientRect().bottom)).toBe(true)
    // Nothing axe finds wrong in the cards; each value is read after its column's name (the CSS text before it).
    expect(await violations(leader)).toEqual([])
    await send.click()
    await expect.poll(() => card.count()).toBe(0)
    const detail = await api<{ sections: Array<{ id: string; status: string }> }>(suite.server, `/api/summaries/${suite.summaryId}`, { token: build })
    expect(detail.body.sections.find((section) => section.id === 'infrastructure')!.status).toBe('drafting')
  })

  it('asks before approving one section whose comments are still open, on the summary and in the review queue', async () => {
    const invest = await login(suite.server, 'invest', DEMO_PASSWORD)
    expect((await api(suite.server, `/api/summaries/${suite.summaryId}/sections/plan-investment`, { token: invest, method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const section = leader.locator('[data-section-id="plan-investment"]')
    await section.locator('[data-action="comment"]').click()
    await section.locator('textarea[name="comment"]').fill('请写明明年的签约目标')
    await section.locator('.composer button[type="submit"]').click()
    await expect.poll(() => section.locator('[data-thread-card]').count(), { timeout: 10_000 }).toBe(1)
    const status = async () => (await api<{ sections: Array<{ id: string; status: string }> }>(suite.server, `/api/summaries/${suite.summaryId}`, { token: invest })).body.sections.find((item) => item.id === 'plan-investment')!.status
    // Declined: nothing is locked.
    const asked: string[] = []
    leader.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await section.locator('[data-transition="final"]').click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toMatch(/^本节还有 1 条未解决的评论。(本节没有内容。)?\n仍要通过定稿？定稿后内容锁定/)
    expect(await status()).toBe('review')
    expect(await section.locator('[data-status]').getAttribute('data-status')).toBe('review')
    // The same question from the review queue's row; confirmed, the section is final.
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    const row = leader.locator('[data-review-section="plan-investment"]')
    leader.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.accept()
    })
    await row.locator('[data-transition="final"]').click()
    await expect.poll(status).toBe('final')
    expect(asked[1]).toBe(asked[0])
  })

  it('lists the sections waiting for review on the progress page and approves them all at once', async () => {
    const safety = await login(suite.server, 'safety', DEMO_PASSWORD)
    for (const sectionId of ['safety', 'plan-safety'])
      expect((await api(suite.server, `/api/summaries/${suite.summaryId}/sections/${sectionId}`, { token: safety, method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
    const safetyWriter = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    await expect.poll(() => leader.locator('[data-review-section]').count()).toBe(2)
    leader.once('dialog', (dialog) => void dialog.accept())
    await leader.click('[data-action="approve-all"]')
    await expect.poll(() => leader.locator('[data-review-queue] [role="status"]').innerText()).toBe('2 节已全部定稿')
    const detail = await api<{ sections: Array<{ id: string; status: string }> }>(suite.server, `/api/summaries/${suite.summaryId}`, { token: safety })
    expect(detail.body.sections.filter((section) => ['safety', 'plan-safety'].includes(section.id)).map((section) => section.status)).toEqual(['final', 'final'])
    // The department's writer hears it in one line, however many were approved.
    await expect.poll(() => safetyWriter.locator('[data-section-news]').innerText()).toMatch(/^“（四）安全生产形势总体平稳”“（三）压紧压实安全生产责任”已定稿，内容已锁定/)
    // Reopened by the office, it is the writer's to change again, and the page says so.
    expect((await api(suite.server, `/api/summaries/${suite.summaryId}/sections/safety`, { token: await login(suite.server, 'admin'), method: 'PATCH', body: { status: 'drafting' } })).status).toBe(200)
    await expect.poll(() => safetyWriter.locator('[data-section-news]').innerText()).toContain('；“（四）安全生产形势总体平稳”已重新打开，可以继续修改。')
    // The journal on the same page says who approved what.
    await expect.poll(() => leader.locator('[data-journal] tr[data-journal-action="section-status"]').first().innerText()).toMatch(/王主任\s+“（三）压紧压实安全生产责任”：待审核→已定稿/)
    // A writer has nothing to approve: no queue.
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    await writer.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    await writer.waitForSelector('[data-progress-section]')
    expect(await writer.locator('[data-review-queue]').count()).toBe(0)
  })
})

describe('a writer’s own sections', () => {
  it('shows only the department’s sections when asked, remembers it, and shows all again to jump elsewhere', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    const all = await writer.locator('[data-section-id]').count()
    await writer.check('input[name="onlyOwn"]')
    await expect.poll(() => writer.locator('[data-section-id]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section-id')))).toEqual(['infrastructure', 'plan-platform'])
    await writer.reload()
    await expect.poll(() => writer.locator('[data-section-id]').count()).toBe(2)
    // The outline still lists every section; choosing another department's shows them all again.
    await writer.locator('nav.outline a', { hasText: '招商引资取得新突破' }).click()
    await expect.poll(() => writer.locator('[data-section-id]').count()).toBe(all)
    expect(await writer.locator('input[name="onlyOwn"]').isChecked()).toBe(false)
    // Leaders and the admin have no such filter.
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    expect(await leader.locator('input[name="onlyOwn"]').count()).toBe(0)
  })
})

describe('printing a summary from the page', () => {
  it('prints the numbered text without the page around it, the badges or the comment buttons', async () => {
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await reader.emulateMedia({ media: 'print' })
    for (const selector of ['.side', '.status-bar', '.app-header', '.section-words', '.owner', '[data-action="comment"]'])
      expect(await reader.locator(selector).first().isVisible(), selector).toBe(false)
    expect(await reader.locator('.summary-title').isVisible()).toBe(true)
    expect(await reader.locator('[data-section-id="investment"] .section-title').innerText()).toBe('（二）招商引资取得新突破')
  })
})


describe('催办 from the progress page', () => {
  it('leaves a reminder on each section not handed in, which its department sees on the section', async () => {
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    const button = leader.locator('[data-action="remind"]')
    await expect.poll(() => button.innerText()).toBe('催办未提交章节')
    leader.once('dialog', (dialog) => void dialog.accept())
    await button.click()
    await expect.poll(() => leader.locator('[data-remind-outcome]').innerText()).toMatch(/^已向 \d+ 个章节发出催办$/)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'union', DEMO_PASSWORD)
    const card = writer.locator('[data-section-id="union"] [data-thread-card]')
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('【催办】本节尚未提交审核，请抓紧撰写')
    expect(await card.locator('[data-whole-section]').innerText()).toBe('针对本节')
  })
})

describe('reading the summary', () => {
  it('shows the text without hints, badges and toolbars in 阅读视图, comments still at hand, and remembers it', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const section = writer.locator('[data-section-id="investment-service"]')
    expect(await section.locator('.hint').isVisible()).toBe(true)
    expect(await section.locator('.toolbar').isVisible()).toBe(true)
    await writer.check('input[name="readingView"]')
    for (const selector of ['.hint', '.owner', '.section-words', '.toolbar'])
      expect(await section.locator(selector).first().isVisible(), selector).toBe(false)
    expect(await section.locator('[data-action="comment"]').isVisible()).toBe(true)
    expect(await section.locator('.section-title').innerText()).toBe('2.做优项目服务')
    await writer.reload()
    await writer.waitForSelector('[data-section-id="investment-service"] .ProseMirror')
    expect(await writer.locator('input[name="readingView"]').isChecked()).toBe(true)
    expect(await section.locator('.hint').isVisible()).toBe(false)
    // A leader, who reads rather than writes, starts in it.
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    expect(await leader.locator('input[name="readingView"]').isChecked()).toBe(true)
    expect(await leader.locator('[data-section-id="investment-service"] .hint').isVisible()).toBe(false)
  })
})

describe('使用说明', () => {
  it('opens from the header with the reader’s own part first', async () => {
    for (const [username, first] of [['invest', '各部门撰写人'], ['leader', '领导']] as const) {
      const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, username, DEMO_PASSWORD)
      await page.click('[data-action="help"]')
      await expect.poll(() => page.locator('.help-page h2').first().innerText()).toBe(first)
      expect(await page.locator('[data-help="faq"] li').count()).toBeGreaterThan(1)
    }
  })
})

describe('importing a Word draft', () => {
  it('puts the text of a .docx into the section, indent dropped and bold kept, and explains a file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huizong-docx-'))
    const draft = join(dir, '招商部初稿.docx')
    const document = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('　　全年走访企业120家，'), new TextRun({ text: '帮助解决问题36个', bold: true }), new TextRun('。')] }), new Paragraph('　　下一步继续做好项目服务。')] }],
    })
    writeFileSync(draft, await Packer.toBuffer(document))
    const broken = join(dir, '损坏的文件.docx')
    writeFileSync(broken, '这不是 Word 文件')

    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD)
    const section = writer.locator('[data-section-id="investment-service"]')
    await section.locator('.ProseMirror').click()
    await section.locator('input[name="importDocx"]').setInputFiles(draft)
    await expect.poll(() => section.locator('[data-import-status]').innerText()).toBe('已导入“招商部初稿.docx”')
    const paragraphs = await section.locator('.ProseMirror p').allInnerTexts()
    expect(paragraphs).toContain('全年走访企业120家，帮助解决问题36个。')
    expect(paragraphs).toContain('下一步继续做好项目服务。')
    expect(await section.locator('.ProseMirror strong').first().innerText()).toBe('帮助解决问题36个')

    await section.locator('input[name="importDocx"]').setInputFiles(broken)
    await expect.poll(() => section.locator('[data-import-status]').innerText()).toContain('无法读取“损坏的文件.docx”')
  })
})
