import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, DEMO_PASSWORD, api, login } from '../integration/harness.js'
import { formatChinaTime } from '../../shared/chinaDay.js'
import { violations } from './axe.js'
import { afterReload, openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

describe('a section deleted by mistake, in Chromium', () => {
  it('is saved in a version when deleted, can be compared there and restored with its text', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'economy', DEMO_PASSWORD)
    const text = await writer.locator('[data-section-id="economy"] .ProseMirror').innerText()
    expect(text).toContain('规上工业总产值')

    const dialogs: string[] = []
    admin.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void (dialog.message().includes('下级章节') ? dialog.dismiss() : dialog.accept())
    })
    await admin.click('[data-action="edit-outline"]')
    // Deleting a parent says first what happens to what is under it; declined, nothing changes.
    await admin.locator('[data-outline-id="overview"] button.danger').click()
    await expect.poll(() => admin.locator('.dialog-backdrop [role="status"]').innerText()).toBe('已取消')
    expect(dialogs.splice(0)).toEqual(['“一、主要工作完成情况”下有 8 个下级章节。删除它，下级章节仍留在提纲中，编号随之改变。确定删除？'])
    expect(await admin.locator('[data-outline-id="overview"]').count()).toBe(1)
    await admin.locator('[data-outline-id="economy"] button.danger').click()
    await expect.poll(() => admin.locator('.dialog-backdrop [role="status"]').innerText()).toContain('删除前的全文已保存为版本')
    expect(dialogs).toEqual(['“（一）经济运行稳中有进”已有内容，确定删除？删除前会自动保存一个版本，可在“版本”中查看和导出。'])
    await expect.poll(() => writer.locator('[data-section-id="economy"]').count(), { timeout: 10_000 }).toBe(0)
    // Its writer is told what went and where its text is, rather than just seeing it vanish.
    const removedNotice = writer.locator('[data-section-news]')
    await expect.poll(() => removedNotice.innerText()).toMatch(/^管理员删除了本部门的“（一）经济运行稳中有进”，删除前的全文已自动保存为版本。/)
    await removedNotice.locator('[data-action="show-deleted-text"]').click()
    await expect.poll(() => writer.locator('[data-version-id]').first().innerText()).toContain('删除“（一）经济运行稳中有进”前自动保存')
    expect(await removedNotice.count()).toBe(0)
    expect(await admin.locator('[data-section-news]').count()).toBe(0)
    await admin.click('text=关闭')

    await admin.click('[data-action="versions"]')
    await expect.poll(() => admin.locator('[data-version-id]').innerText()).toContain('删除“（一）经济运行稳中有进”前自动保存')
    const deleted = admin.locator('select[name="compareSection"] option', { hasText: '（已删除）' })
    await expect.poll(() => deleted.count()).toBe(1)
    await admin.selectOption('select[name="compareSection"]', { label: await deleted.innerText() })
    await admin.click('button:has-text("比较")')
    await expect.poll(() => admin.locator('[data-diff] del').first().innerText()).toContain('全年规上工业总产值52.4亿元')
    await screenshot(admin, 'versions-deleted-section')
    // 修订版: today's summary against that version, the deleted section as a Word deletion.
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('[data-version-id] [data-action="export-changes"]').first().click()])
    expect(download.suggestedFilename()).toMatch(/（修订版，对比删除“（一）经济运行稳中有进”前自动保存）\.docx$/)
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path())!)))['word/document.xml']!)
    expect(xml).toMatch(/<w:del [^>]*><w:r>.*?<w:delText[^>]*>（一）经济运行稳中有进<\/w:delText>/)

    await admin.click('[data-action="restore-section"]')
    await expect.poll(() => admin.locator('.dialog-backdrop [role="status"]').innerText()).toBe('已恢复“经济运行稳中有进”')
    // Everyone gets it back where it was, text and all, and its writers may write again.
    const restored = writer.locator('[data-section-id="economy"] .ProseMirror')
    await expect.poll(() => restored.innerText(), { timeout: 10_000 }).toBe(text)
    expect(await restored.getAttribute('contenteditable')).toBe('true')
    const order = await writer.locator('[data-section-id]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-section-id')))
    expect(order.slice(0, 3)).toEqual(['overview', 'economy', 'investment'])
  })
})

describe('times, in Chromium', () => {
  it('shows a version’s time in China time on a computer left on UTC', async () => {
    const token = await login(suite.server, 'admin')
    const { body: created } = await api<{ id: string }>(suite.server, `/api/summaries/${suite.summaryId}/versions`, { token, body: { name: '时间核对' } })
    const { body: versions } = await api<Array<{ id: string; createdAt: number }>>(suite.server, `/api/summaries/${suite.summaryId}/versions`, { token })
    const createdAt = versions.find((version) => version.id === created.id)!.createdAt
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD, async (page) => {
      await (await page.context().newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' })
    })
    expect(await admin.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC')
    await admin.click('[data-action="versions"]')
    await expect.poll(() => admin.locator(`[data-version-id="${created.id}"]`).innerText()).toContain(formatChinaTime(createdAt))
  })
})

describe('the outline editor, in Chromium', () => {
  it('sets a section’s 字数目标 and 写作提示, which its writer sees at once, and tells the writer when it goes to another department', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'safety', DEMO_PASSWORD)
    await admin.click('[data-action="edit-outline"]')
    await admin.fill('[data-outline-id="safety"] input[name="wordTarget"]', '650')
    await admin.locator('[data-outline-id="safety"] input[name="wordTarget"]').blur()
    await admin.fill('[data-outline-id="safety"] input[name="hint"]', '写清全年事故起数和同比变化')
    await admin.locator('[data-outline-id="safety"] input[name="hint"]').blur()
    await expect.poll(() => writer.locator('[data-section-id="safety"] .hint').innerText()).toBe('写作提示：写清全年事故起数和同比变化')
    await expect.poll(() => writer.locator('[data-section-id="safety"] [data-words]').innerText()).toMatch(/\/ 650 字/)
    // A target that is not a whole number in range is refused in the dialog and changes nothing.
    await admin.fill('[data-outline-id="safety"] input[name="wordTarget"]', '-5')
    await admin.locator('[data-outline-id="safety"] input[name="wordTarget"]').blur()
    await expect.poll(() => admin.locator('.dialog-backdrop [role="alert"]').innerText()).toContain('字数目标应为')
    expect(await admin.locator('[data-outline-id="safety"] input[name="wordTarget"]').inputValue()).toBe('650')

    // Given to another department, the section goes read-only for its writer, who is told why;
    // the department that has it now is told too.
    const union = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'union', DEMO_PASSWORD)
    await admin.selectOption('[data-outline-id="plan-safety"] select[name="departmentId"]', { label: '工会' })
    await expect.poll(() => writer.locator('[data-section-id="plan-safety"] .ProseMirror').getAttribute('contenteditable')).toBe('false')
    expect(await writer.locator('[data-section-news]').innerText()).toMatch(/^管理员把“（三）压紧压实安全生产责任”改由工会撰写。/)
    expect(await writer.locator('[data-section-news] [data-action="show-deleted-text"]').count()).toBe(0)
    await expect.poll(() => union.locator('[data-section-news]').innerText()).toMatch(/^“（三）压紧压实安全生产责任”现由本部门撰写。/)
    expect(await violations(union)).toEqual([])
    expect(await union.locator('[data-section-id="plan-safety"] .ProseMirror').getAttribute('contenteditable')).toBe('true')
  })
})

describe('a section’s text put back as a version had it, in Chromium', () => {
  it('lets the writing department replace the text with a version’s, saving today’s first', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await admin.click('[data-action="versions"]')
    await admin.fill('input[name="versionName"]', '送审稿')
    await admin.click('button:has-text("保存当前版本")')
    await expect.poll(() => admin.locator('[data-version-id]', { hasText: '送审稿' }).count()).toBe(1)
    // The field offers a name not yet used (初稿/送审稿/定稿), not the one just saved again.
    expect(await admin.inputValue('input[name="versionName"]')).not.toBe('送审稿')

    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    const editor = writer.locator('[data-section-id="infrastructure"] .ProseMirror')
    const before = await editor.innerText()
    await editor.click()
    await writer.keyboard.press('Control+a')
    await writer.keyboard.press('Delete')
    await writer.keyboard.type('误删后只剩这一句。')
    await expect.poll(() => editor.innerText()).toContain('误删后只剩这一句。')

    writer.on('dialog', (dialog) => void dialog.accept())
    await writer.click('[data-action="versions"]')
    await writer.selectOption('select[name="compareVersion"]', { label: await writer.locator('select[name="compareVersion"] option', { hasText: '送审稿' }).innerText() })
    // The section that changed since is offered first, and says so.
    await expect.poll(() => writer.inputValue('select[name="compareSection"]')).toBe('infrastructure')
    expect(await writer.locator('select[name="compareSection"] option[value="infrastructure"]').innerText()).toBe('（三）园区承载能力持续提升（有改动）')
    expect(await writer.locator('select[name="compareSection"] option', { hasText: '（有改动）' }).count()).toBe(1)
    await writer.click('button:has-text("比较")')
    await writer.click('[data-action="revert-section"]')
    await expect.poll(() => writer.locator('.dialog-backdrop [role="status"]').innerText()).toContain('原正文已另存为版本')
    await expect.poll(() => editor.innerText()).toBe(before)
    expect(await writer.locator('[data-version-id]', { hasText: '恢复“（三）园区承载能力持续提升”前自动保存' }).count()).toBe(1)
    // 修订版 between two versions: 送审稿 to the copy saved before the text was put back.
    const saved = writer.locator('select[name="changesTo"] option', { hasText: '恢复“（三）园区承载能力持续提升”前自动保存' })
    await writer.selectOption('select[name="changesFrom"]', { label: await writer.locator('select[name="changesFrom"] option', { hasText: '送审稿' }).innerText() })
    await writer.selectOption('select[name="changesTo"]', { label: await saved.innerText() })
    const [changes] = await Promise.all([writer.waitForEvent('download'), writer.click('[data-action="export-changes-between"]')])
    expect(changes.suggestedFilename()).toMatch(/（修订版，对比送审稿）（恢复“（三）园区承载能力持续提升”前自动保存）\.docx$/)
    const betweenXml = strFromU8(unzipSync(new Uint8Array(readFileSync((await changes.path())!)))['word/document.xml']!)
    expect(betweenXml).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*误删后只剩这一句。/)

    // The export dialog offers the 修订版 against any version, for Word without comments only.
    await writer.keyboard.press('Escape')
    await writer.click('[data-action="export"]')
    const choice = writer.locator('select[name="changesSince"]')
    await expect.poll(() => choice.locator('option', { hasText: '送审稿' }).count()).toBe(1)
    await choice.selectOption({ label: '送审稿' })
    const download = writer.locator('[data-action="download"]')
    expect(await download.getAttribute('href')).toMatch(/format=docx.*&changesSince=/)
    await writer.check('input[name="withComments"]')
    expect(await choice.isDisabled()).toBe(true)
    expect(await download.getAttribute('href')).not.toContain('changesSince')
  })
})

describe('有改动 since a reader last read, in Chromium', () => {
  it('marks what others changed in the outline and the section, shows it word by word, and forgets it once read', async () => {
    // The first visit marks everything read: nothing is news yet.
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    expect(await leader.locator('[data-changes-notice]').count()).toBe(0)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    await writer.locator('[data-section-id="investment-channels"] .ProseMirror').click()
    await writer.keyboard.type('全年赴长三角开展驻点招商12次。')

    // The list says so; the summary page asks again whenever it comes back into view.
    await leader.goto(`${suite.server.url}/`)
    const listed = leader.locator(`[data-list-changed="${suite.summaryId}"]`)
    await expect.poll(afterReload(leader, '[data-summary]', () => listed.count()), { timeout: 10_000 }).toBe(1)
    expect(await listed.innerText()).toBe('1 节有改动')
    await listed.locator('a').click()
    await leader.waitForSelector('[data-section-id] .ProseMirror')
    await expect.poll(() => leader.locator('[data-outline-changed]').count()).toBe(1)
    // The outline's “改” is read out as what it means, for a screen reader as on hover.
    expect(await leader.getByRole('navigation', { name: '提纲' }).getByRole('img', { name: '自您标为已读以来有改动（张招商）' }).count()).toBe(1)
    expect(await leader.locator('[data-changes-notice]').innerText()).toContain('有 1 节被他人改动')
    const changes = leader.locator('[data-section-changes="investment-channels"]')
    expect(await changes.innerText()).toContain('张招商')
    await changes.locator('[data-action="show-changes"]').click()
    await expect.poll(() => changes.locator('[data-changes] .diff-insert ins').innerText()).toBe('全年赴长三角开展驻点招商12次。')
    await screenshot(leader, 'changes-since-read')

    await changes.locator('[data-action="mark-read"]').click()
    await expect.poll(() => leader.locator('[data-outline-changed]').count()).toBe(0)
    expect(await leader.locator('[data-changes-notice]').count()).toBe(0)
    // A reply to the leader's comment is news to the leader too, a click from the thread.
    const leaderToken = await login(suite.server, 'leader', DEMO_PASSWORD)
    const comment = await api<{ id: string }>(suite.server, `/api/summaries/${suite.summaryId}/comments`, { token: leaderToken, body: { sectionId: 'investment-service', wholeSection: true, text: '请写明代办事项数' } })
    await api(suite.server, `/api/summaries/${suite.summaryId}/read`, { token: leaderToken, body: {} })
    await api(suite.server, `/api/summaries/${suite.summaryId}/comments/${comment.body.id}/replies`, { token: await login(suite.server, 'invest', DEMO_PASSWORD), body: { text: '已写明，共56件' } })
    await leader.goto(`${suite.server.url}/`)
    await expect.poll(() => leader.locator(`[data-list-replies="${suite.summaryId}"]`).innerText(), { timeout: 10_000 }).toBe('1 条新回复')
    await leader.locator(`[data-list-replies="${suite.summaryId}"] a`).click()
    await leader.waitForSelector('[data-section-id] .ProseMirror')
    await expect.poll(() => leader.locator('[data-new-replies]').innerText(), { timeout: 10_000 }).toBe('您参与的评论有 1 条新回复（张招商）')
    await leader.locator('[data-action="next-reply"]').click()
    await expect.poll(() => leader.locator(`[data-thread-card="${comment.body.id}"]`).isVisible()).toBe(true)
    // The writer's own words are not news to the writer.
    await writer.reload()
    await writer.waitForSelector('[data-section-id] .ProseMirror')
    await writer.waitForTimeout(500)
    expect(await writer.locator('[data-outline-changed]').count()).toBe(0)
  })
})
