import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readThreads } from '../../shared/doc/comments.js'
import { readOutline } from '../../shared/doc/outline.js'
import { anchoredText, anchorsFor, api, createClientPool, demoSummaryId, login, sectionText, startTestServer, waitFor, writeParagraph } from './harness.js'
import { holdInserts } from './holdTable.js'
import { refuseStoring } from './refuseStoring.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
const tokens: Record<string, string> = {}
const pool = createClientPool()
const open = (username: string) => pool.open(server, summaryId, tokens[username]!)
const patch = (username: string, sectionId: string, body: unknown) =>
  api<{ status?: string; error?: { code: string } }>(server, `/api/summaries/${summaryId}/sections/${sectionId}`, { token: tokens[username], method: 'PATCH', body })
const text = async (path: string) => (await fetch(`${server.url}/api/summaries/${summaryId}${path}`, { headers: { authorization: `Bearer ${tokens.admin}` } })).text()

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['admin', 'leader', 'invest', 'invest2', 'safety', 'build', 'viewer']) tokens[username] = await login(server, username)
  summaryId = await demoSummaryId(server, tokens.admin!)
})

afterAll(async () => {
  pool.destroyAll()
  await server.close()
})

describe('section workflow', () => {
  it('hands in, approves and locks a section; the guard refuses writes until the admin reopens it', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'investment-channels', '驻点招商成效明显。')
    await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('驻点'))
    expect((await patch('safety', 'investment-channels', { status: 'review' })).status).toBe(403)
    expect((await patch('invest', 'investment-channels', { status: 'final' })).status).toBe(409)
    expect((await patch('invest', 'investment-channels', { status: 'review' })).body.status).toBe('review')
    expect((await patch('invest', 'investment-channels', { status: 'final' })).status).toBe(403)
    expect((await patch('leader', 'investment-channels', { status: 'final' })).body.status).toBe('final')
    await waitFor(() => readOutline(writer.doc).find((entry) => entry.id === 'investment-channels')?.status === 'final')

    writeParagraph(writer.doc, 'investment-channels', '定稿后不能再改')
    await waitFor(() => writer.closes.some((close) => close.code === 4403), 5000, '4403 for the writer')
    const admin = await open('admin')
    writeParagraph(admin.doc, 'investment-channels', '管理员也不能改定稿')
    await waitFor(() => admin.closes.some((close) => close.code === 4403), 5000, '4403 for the admin')

    expect((await patch('leader', 'investment-channels', { status: 'drafting' })).status).toBe(403)
    expect((await patch('admin', 'investment-channels', { status: 'drafting' })).body.status).toBe('drafting')
    const again = await open('invest')
    writeParagraph(again.doc, 'investment-channels', '重新打开后可以修改。')
    const reader = await open('leader')
    await waitFor(() => sectionText(reader.doc, 'investment-channels').includes('重新打开后可以修改'))
    expect(sectionText(reader.doc, 'investment-channels')).not.toContain('定稿后不能再改')
  })

  it('sends a section back only with a reason, which becomes a comment for the department', async () => {
    expect((await patch('invest', 'investment-service', { status: 'review' })).status).toBe(200)
    const missing = await patch('leader', 'investment-service', { status: 'drafting' })
    expect([missing.status, missing.body.error?.code]).toEqual([400, 'reason-required'])
    expect((await patch('leader', 'investment-service', { status: 'drafting', reason: '请补充具体成效' })).body.status).toBe('drafting')
    const reader = await open('invest')
    expect(readThreads(reader.doc).find((thread) => thread.sectionId === 'investment-service')?.text).toBe('退回修改：请补充具体成效')
    // Until the department deals with the return, progress shows the section as sent back.
    const returned = async () => (await api<{ sections: Array<{ id: string; returned: boolean }>; departments: Array<{ name: string; returned: number }> }>(server, `/api/summaries/${summaryId}/progress`, { token: tokens.invest })).body
    const report = await returned()
    expect(report.sections.filter((section) => section.returned).map((section) => section.id)).toEqual(['investment-service'])
    expect(report.departments.find((department) => department.name === '招商部')!.returned).toBe(1)
    const note = readThreads(reader.doc).find((thread) => thread.sectionId === 'investment-service')!
    expect((await api(server, `/api/summaries/${summaryId}/comments/${note.id}/resolve`, { token: tokens.invest, body: {} })).status).toBe(200)
    expect((await returned()).sections.some((section) => section.returned)).toBe(false)
    expect((await api(server, `/api/summaries/${summaryId}/comments/${note.id}/reopen`, { token: tokens.invest, body: {} })).status).toBe(200)
  })

  it('keeps the whole text as a version when the last section is approved, and again after a reopened one is', async () => {
    const template = { id: 'two-parts', title: '{organisation}{year}年工作总结', departments: ['办公室'], sections: [{ id: 'a', title: '主要工作', department: '办公室' }, { id: 'b', title: '存在的问题', department: '办公室' }] }
    expect((await api(server, '/api/templates', { token: tokens.admin, body: template })).status).toBe(201)
    const { body } = await api<{ id: string }>(server, '/api/summaries', { token: tokens.admin, body: { templateId: 'two-parts', year: 2026, organisation: '定稿测试' } })
    const patch = (section: string, status: string) => api(server, `/api/summaries/${body.id}/sections/${section}`, { token: tokens.admin, method: 'PATCH', body: { status } })
    const versions = async () => (await api<Array<{ name: string; createdByName: string }>>(server, `/api/summaries/${body.id}/versions`, { token: tokens.admin })).body
    for (const section of ['a', 'b']) expect((await patch(section, 'review')).status).toBe(200)
    expect((await patch('a', 'final')).status).toBe(200)
    expect(await versions()).toEqual([])
    expect((await patch('b', 'final')).status).toBe(200)
    expect(await versions()).toEqual([expect.objectContaining({ name: expect.stringMatching(/^全文定稿（\d{1,2}月\d{1,2}日）$/), createdByName: '系统管理员' })])
    const journal = await api<Array<{ detail: string }>>(server, `/api/summaries/${body.id}/journal`, { token: tokens.admin })
    expect(journal.body[0]!.detail).toMatch(/^全部章节已定稿，自动保存版本“全文定稿（/)
    // Reopened and approved again: the new final text is kept too.
    expect((await patch('b', 'drafting')).status).toBe(200)
    expect(await versions()).toHaveLength(1)
    expect((await patch('b', 'review')).status).toBe(200)
    expect((await patch('b', 'final')).status).toBe(200)
    expect(await versions()).toHaveLength(2)
  })

  it('lets only the admin change the skeleton', async () => {
    expect((await patch('leader', 'party', { title: '党建工作' })).status).toBe(403)
    expect((await patch('viewer', 'party', { status: 'review' })).status).toBe(403)
    expect((await api(server, `/api/summaries/${summaryId}/sections`, { token: tokens.invest, body: { title: '新章节', departmentId: 'x', level: 1 } })).status).toBe(403)
  })
})

describe('skeleton edits of a live summary', () => {
  it('adds, renames, moves, re-levels and reassigns sections while keeping their text; everyone sees it live', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'plan-investment', '明年重点引进新能源项目。')
    await waitFor(() => sectionText(writer.doc, 'plan-investment').includes('新能源'))
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: tokens.admin })).body
    const union = departments.find((department) => department.name === '工会')!
    const created = await api<{ id: string; number: string }>(server, `/api/summaries/${summaryId}/sections`, { token: tokens.admin, body: { title: '加强职工队伍建设', departmentId: union.id, level: 2 } })
    expect(created.status).toBe(201)
    expect(created.body.number).toBe('（四）')
    await waitFor(() => readOutline(writer.doc).some((entry) => entry.id === created.body.id))

    expect((await patch('admin', 'plan-investment', { title: '精准招商', level: 1, position: 0 })).status).toBe(200)
    const detail = (await api<{ sections: Array<{ id: string; number: string; title: string }> }>(server, `/api/summaries/${summaryId}`, { token: tokens.admin })).body
    expect(detail.sections[0]).toMatchObject({ id: 'plan-investment', number: '一、', title: '精准招商' })
    expect(detail.sections[1]).toMatchObject({ id: 'overview', number: '二、' })
    expect((await patch('admin', 'plan-investment', { departmentId: union.id })).status).toBe(200)
    await waitFor(() => readOutline(writer.doc)[0]?.departmentId === union.id)
    expect(readOutline(writer.doc)[0]).toMatchObject({ id: 'plan-investment', title: '精准招商', level: 1 })
    expect(sectionText(writer.doc, 'plan-investment')).toContain('明年重点引进新能源项目。')
  })

  it('deletes a section with text only when forced, saving a version of it first', async () => {
    const writer = await open('safety')
    writeParagraph(writer.doc, 'plan-safety', '压实责任。')
    await waitFor(() => sectionText(writer.doc, 'plan-safety').includes('压实'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const versions = async () => (await api<Array<{ id: string; name: string }>>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.admin })).body
    const before = await versions()
    const detail = await api<{ sections: Array<{ id: string; number: string; title: string }> }>(server, `/api/summaries/${summaryId}`, { token: tokens.admin })
    const { number, title } = detail.body.sections.find((section) => section.id === 'plan-safety')!
    const refused = await api<{ error: { code: string } }>(server, `/api/summaries/${summaryId}/sections/plan-safety`, { token: tokens.admin, method: 'DELETE' })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'section-not-empty'])
    expect(await versions()).toEqual(before)

    const deleted = await api<{ versionId: string }>(server, `/api/summaries/${summaryId}/sections/plan-safety?force=1`, { token: tokens.admin, method: 'DELETE' })
    expect(deleted.status).toBe(200)
    const saved = (await versions()).find((version) => version.id === deleted.body.versionId)
    expect(saved?.name).toBe(`删除“${number}${title}”前自动保存`)
    // The deleted text is where people look for earlier text: in that version, section and all.
    expect(await text(`/versions/${deleted.body.versionId}/export?format=txt`)).toContain(`${number}${title}\n　　压实责任。`)
    expect(await text('/export?format=txt')).not.toContain('压实责任。')

    const empty = await api<{ versionId?: string }>(server, `/api/summaries/${summaryId}/sections/party`, { token: tokens.admin, method: 'DELETE' })
    expect([empty.status, empty.body.versionId]).toEqual([200, undefined])
    expect(await versions()).toHaveLength(before.length + 1)
    await waitFor(() => !readOutline(writer.doc).some((entry) => entry.id === 'plan-safety' || entry.id === 'party'))
  })

  it('applies the updated template: missing sections come back, existing text stays', async () => {
    const { body } = await api<{ added: string[] }>(server, `/api/summaries/${summaryId}/apply-template`, { token: tokens.admin, body: {} })
    expect(body.added.sort()).toEqual(['party', 'plan-safety'])
    const reader = await open('leader')
    const ids = readOutline(reader.doc).map((entry) => entry.id)
    expect(ids.indexOf('party')).toBe(ids.indexOf('safety') + 1)
    expect(sectionText(reader.doc, 'plan-investment')).toContain('明年重点引进新能源项目。')
  })
  it('answers an edit that races the section’s deletion with 404, not an error', async () => {
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: tokens.admin })).body
    const union = departments.find((department) => department.name === '工会')!
    const created = await api<{ id: string }>(server, `/api/summaries/${summaryId}/sections`, { token: tokens.admin, body: { title: '临时章节', departmentId: union.id, level: 2 } })
    const [patched, deleted] = await Promise.all([
      patch('admin', created.body.id, { departmentId: departments.find((department) => department.name === '招商部')!.id }),
      api(server, `/api/summaries/${summaryId}/sections/${created.body.id}`, { token: tokens.admin, method: 'DELETE' }),
    ])
    expect(deleted.status).toBe(200)
    expect([200, 404]).toContain(patched.status)
  })

  it('restores a deleted section from a version, in its place and with its text as it was then', async () => {
    const writer = await open('build')
    const settled = async (phrase: string) => {
      await waitFor(() => sectionText(writer.doc, 'plan-platform').includes(phrase))
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    writeParagraph(writer.doc, 'plan-platform', '建成标准厂房。')
    await settled('标准厂房')
    const draft = await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.admin, body: { name: '初稿' } })
    writeParagraph(writer.doc, 'plan-platform', '新修园区道路。')
    await settled('园区道路')
    const anchors = anchorsFor(writer.doc, 'plan-platform', '园区道路')
    const thread = await api<{ id: string }>(server, `/api/summaries/${summaryId}/comments`, { token: tokens.leader, body: { sectionId: 'plan-platform', ...anchors, quote: '园区道路', text: '请写明公里数' } })
    const openThreads = async () => (await api<{ problems: Array<{ kind: string; threadId?: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: tokens.admin })).body.problems.filter((problem) => problem.threadId === thread.body.id)
    expect(await openThreads()).toHaveLength(1)
    const outline = readOutline(writer.doc)
    const remove = () => api<{ versionId: string }>(server, `/api/summaries/${summaryId}/sections/plan-platform?force=1`, { token: tokens.admin, method: 'DELETE' })
    const restore = (token: string | undefined, versionId: string, sectionId = 'plan-platform') =>
      api<{ id: string; number: string; status: string; error?: { code: string } }>(server, `/api/summaries/${summaryId}/sections/${sectionId}/restore`, { token, body: { versionId } })
    const present = () => readOutline(writer.doc).some((entry) => entry.id === 'plan-platform')

    const deleted = await remove()
    await waitFor(() => !present())
    // Its open thread cannot be resolved while it is gone: the preflight does not ask for it.
    expect(await openThreads()).toHaveLength(0)
    const listed = await api<Array<{ id: string; title: string; inOutline: boolean }>>(server, `/api/summaries/${summaryId}/versions/${deleted.body.versionId}/sections`, { token: tokens.viewer })
    expect(listed.body.find((section) => section.id === 'plan-platform')).toMatchObject({ title: outline.find((entry) => entry.id === 'plan-platform')!.title, inOutline: false })
    expect(listed.body.filter((section) => !section.inOutline).map((section) => section.id)).toEqual(['plan-platform'])
    // Compared with now, its text is gone from the summary (though the doc still holds it).
    const diff = await api<{ changes: Array<{ op: string; text: string }> }>(server, `/api/summaries/${summaryId}/versions/${deleted.body.versionId}/diff?sectionId=plan-platform`, { token: tokens.viewer })
    expect(diff.body.changes).toEqual([{ op: 'delete', text: '建成标准厂房。' }, { op: 'delete', text: '新修园区道路。' }])

    expect((await restore(tokens.leader, deleted.body.versionId)).status).toBe(403)
    expect((await restore(tokens.admin, 'no-such-version')).status).toBe(404)
    expect((await restore(tokens.admin, deleted.body.versionId, 'no-such-section')).status).toBe(404)
    // Two admins restoring it at once: it comes back once.
    const restores = await Promise.all([restore(tokens.admin, deleted.body.versionId), restore(tokens.admin, deleted.body.versionId)])
    expect(restores.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(restores.find((answer) => answer.status === 200)!.body.status).toBe('drafting')
    await waitFor(present)
    expect(readOutline(writer.doc)).toEqual(outline)
    expect(sectionText(writer.doc, 'plan-platform')).toContain('建成标准厂房。\n新修园区道路。')
    // The text was not rewritten: the leader's comment is still on its phrase, and open again.
    const restoredThread = readThreads(writer.doc).find((item) => item.id === thread.body.id)!
    expect(anchoredText(writer.doc, restoredThread.anchorStart, restoredThread.anchorEnd)).toBe('园区道路')
    expect(await openThreads()).toHaveLength(1)
    expect((await restore(tokens.admin, deleted.body.versionId)).body.error?.code).toBe('section-exists')

    // From the earlier version, the section comes back with the text of that version; the
    // later text stays in the version saved when it was deleted again.
    // Two admins deleting it at once: one deletes it (saving a version), the other is told it is gone.
    const removals = await Promise.all([remove(), remove()])
    expect(removals.map((answer) => answer.status).sort()).toEqual([200, 404])
    const again = removals.find((answer) => answer.status === 200)!
    await waitFor(() => !present())
    expect(readOutline(writer.doc).length).toBe(outline.length - 1)
    expect((await restore(tokens.admin, draft.body.id)).status).toBe(200)
    await waitFor(() => present() && !sectionText(writer.doc, 'plan-platform').includes('园区道路'))
    expect(sectionText(writer.doc, 'plan-platform')).toContain('建成标准厂房。')
    expect(await text(`/versions/${again.body.versionId}/export?format=txt`)).toContain('新修园区道路。')
  })
})

describe('a lead (导语) before 一、', () => {
  it('is added first and unnumbered, stays first, exports without a heading, and is at most one', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: tokens.admin, body: { templateId: 'park-annual', year: 2027, organisation: '导语测试园区' } })
    const id = created.body.id
    const base = `/api/summaries/${id}/sections`
    const departments = await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: tokens.admin })
    const office = departments.body.find((department) => department.name === '办公室')!.id
    const lead = await api<{ id: string; number: string; lead?: boolean }>(server, base, { token: tokens.admin, body: { title: '导语', level: 3, position: 5, departmentId: office, lead: true } })
    expect(lead.status).toBe(201)
    const detail = await api<{ sections: Array<{ id: string; number: string; lead?: boolean }> }>(server, `/api/summaries/${id}`, { token: tokens.admin })
    expect(detail.body.sections.slice(0, 2).map((section) => [section.id, section.number, section.lead])).toEqual([
      [lead.body.id, '', true],
      ['overview', '一、', undefined],
    ])
    const refusal = async (path: string, body: unknown, method = 'POST') => (await api<{ error: { code: string } }>(server, path, { token: tokens.admin, method, body })).body.error?.code
    expect(await refusal(base, { title: '又一段导语', level: 1, departmentId: office, lead: true })).toBe('lead-exists')
    expect(await refusal(`${base}/${lead.body.id}`, { position: 2 }, 'PATCH')).toBe('lead-fixed')
    expect(await refusal(`${base}/${lead.body.id}`, { level: 2 }, 'PATCH')).toBe('lead-fixed')
    expect(await refusal(`${base}/problems`, { position: 0 }, 'PATCH')).toBe('lead-fixed')
    expect(await refusal(base, { title: '插到最前', level: 1, departmentId: office, position: 0 })).toBe('lead-fixed')

    const writer = await pool.open(server, id, tokens.admin!)
    writeParagraph(writer.doc, lead.body.id, '2027年，园区紧紧围绕高质量发展，现将全年工作总结如下：')
    await waitFor(() => sectionText(writer.doc, lead.body.id).includes('总结如下'))
    const exported = await (await fetch(`${server.url}/api/summaries/${id}/export?format=txt`, { headers: { authorization: `Bearer ${tokens.admin}` } })).text()
    expect(exported).toMatch(/^导语测试园区2027年度工作总结\n\n　　2027年，园区紧紧围绕高质量发展，现将全年工作总结如下：\n一、主要工作完成情况\n/)
    expect(exported).not.toContain('导语\n')

    // A section the template brings back, whose place is the very start, still comes after the lead.
    expect((await api(server, `${base}/overview?force=1`, { token: tokens.admin, method: 'DELETE' })).status).toBe(200)
    expect((await api<{ added: string[] }>(server, `/api/summaries/${id}/apply-template`, { token: tokens.admin, body: {} })).body.added).toEqual(['overview'])
    const after = await api<{ sections: Array<{ id: string; number: string }> }>(server, `/api/summaries/${id}`, { token: tokens.admin })
    expect(after.body.sections.slice(0, 2).map((section) => [section.id, section.number])).toEqual([
      [lead.body.id, ''],
      ['overview', '一、'],
    ])
  })
})

describe('progress and versions', () => {
  it('reports words, editors, comments, missing figures and placeholders per section and department', async () => {
    const first = await open('invest')
    const second = await open('invest2')
    writeParagraph(first.doc, 'investment-service', '代办手续56件，20xx年')
    writeParagraph(second.doc, 'investment-service', '服务企业 GE 公司。')
    await waitFor(() => sectionText(first.doc, 'investment-service').includes('GE'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    type Report = { title: string; overall: { sections: number; final: number; completion: number }; sections: Array<{ id: string; words: number; unresolvedComments: number; missingFigures: number; placeholders: number; editors: Array<{ name: string }>; lastEditAt: number | null }>; departments: Array<{ name: string; sections: number; missingFigures: number }> }
    const { body } = await api<Report>(server, `/api/summaries/${summaryId}/progress`, { token: tokens.leader })
    expect(body.title).toBe('青山工业园区管理委员会2026年度工作总结')
    const service = body.sections.find((section) => section.id === 'investment-service')!
    // 代办手续(4) 56(1) 件(1) ，(1) 20xx(1) 年(1) = 9; 服务企业(4) GE(1) 公司(2) 。(1) = 8
    expect(service.words).toBe(17)
    expect(service.placeholders).toBe(1)
    expect(service.unresolvedComments).toBe(1)
    expect(service.editors.map((editor) => editor.name).sort()).toEqual(['张招商', '陈招商'])
    expect(service.lastEditAt).toBeGreaterThan(Date.now() - 60_000)
    expect(body.sections.find((section) => section.id === 'union')!.missingFigures).toBe(1)
    expect(body.departments.find((department) => department.name === '工会')).toMatchObject({ missingFigures: 1 })
    expect(body.overall.completion).toBe(body.overall.final / body.overall.sections)
  })

  it('exports a version exactly as it was when taken, after later edits', async () => {
    const before = await text('/export?format=txt')
    expect((await api(server, `/api/summaries/${summaryId}/versions`, { token: tokens.leader, body: { name: '初稿' } })).status).toBe(403)
    const version = await api<{ id: string; name: string; createdByName: string }>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.admin, body: { name: '初稿' } })
    expect(version.body).toMatchObject({ name: '初稿', createdByName: '系统管理员' })
    const writer = await open('invest')
    writeParagraph(writer.doc, 'investment-service', '版本之后新增的段落。')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('版本之后'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await text('/export?format=txt')).toContain('版本之后新增的段落')
    expect(await text(`/versions/${version.body.id}/export?format=txt`)).toBe(before)
    const list = await api<Array<{ id: string }>>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.viewer })
    expect(list.body.map((item) => item.id)).toContain(version.body.id)
    const diff = await api<{ changes: Array<{ op: string; text: string }> }>(server, `/api/summaries/${summaryId}/versions/${version.body.id}/diff?sectionId=investment-service`, { token: tokens.leader })
    expect(diff.body.changes.filter((change) => change.op !== 'equal')).toEqual([{ op: 'insert', text: '版本之后新增的段落。' }])
    // The version's sections say which changed since: the one written after it, no other.
    const sections = await api<Array<{ id: string; changed: boolean }>>(server, `/api/summaries/${summaryId}/versions/${version.body.id}/sections`, { token: tokens.leader })
    expect(sections.body.filter((section) => section.changed).map((section) => section.id)).toEqual(['investment-service'])
  })

  it('keeps a journal of who changed the workflow, the outline and the figures; refused changes leave no line', async () => {
    interface Entry { at: number; userName: string; action: string; sectionId: string | null; detail: string }
    const journal = async () => (await api<Entry[]>(server, `/api/summaries/${summaryId}/journal`, { token: tokens.viewer })).body
    const before = await journal()
    expect(before[0]).toMatchObject({ action: 'version', userName: '系统管理员', detail: '保存版本“初稿”' })
    expect(before).toContainEqual(expect.objectContaining({ action: 'section-status', userName: '王主任', sectionId: 'investment-service', detail: '“2.做优项目服务”：待审核→撰写中（退回修改：请补充具体成效）' }))
    expect(before.map((entry) => entry.action)).toEqual(expect.arrayContaining(['section-edit', 'section-add', 'section-delete', 'section-restore']))
    expect(before.every((entry, index) => index === 0 || before[index - 1]!.at >= entry.at)).toBe(true)

    expect((await patch('invest', 'investment', { status: 'final' })).status).toBe(409)
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.safety, method: 'PUT', body: { values: [{ key: 'agreed_funds', value: 9 }] } })).status).toBe(403)
    expect(await journal()).toEqual(before)

    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.invest, method: 'PUT', body: { values: [{ key: 'agreed_funds', value: 5.8 }] } })).status).toBe(200)
    expect((await journal())[0]).toMatchObject({ action: 'figures', userName: '张招商', detail: '更新 1 项指标：协议资金 5.2→5.8（张招商录入）' })
    expect((await api(server, '/api/summaries/no-such-summary/journal', { token: tokens.viewer })).status).toBe(404)
  })

  it('puts a section’s text back as a version had it, saving today’s first, for its department only', async () => {
    const versions = async () => (await api<Array<{ id: string; name: string }>>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.viewer })).body
    const first = (await versions()).find((version) => version.name === '初稿')!
    const revert = (username: string) => api<{ savedVersionId?: string; error?: { code: string } }>(server, `/api/summaries/${summaryId}/versions/${first.id}/sections/investment-service/revert`, { token: tokens[username], body: {} })
    const reader = await open('leader')
    expect(sectionText(reader.doc, 'investment-service')).toContain('版本之后新增的段落。')
    expect((await revert('safety')).status).toBe(403)
    expect((await revert('leader')).status).toBe(403)
    const done = await revert('invest2')
    expect(done.status).toBe(200)
    await waitFor(() => !sectionText(reader.doc, 'investment-service').includes('版本之后新增的段落'), 5000, 'the text as the version had it')
    // Today's text was saved first: nothing is lost.
    const saved = (await versions()).find((version) => version.id === done.body.savedVersionId)!
    expect(saved.name).toMatch(/^恢复“.*做优项目服务”前自动保存$/)
    expect(await text(`/versions/${saved.id}/export?format=txt`)).toContain('版本之后新增的段落。')
    expect((await revert('invest2')).body.error?.code).toBe('no-change')
    expect((await api(server, `/api/summaries/${summaryId}/versions/${first.id}/sections/no-such-section/revert`, { token: tokens.admin, body: {} })).status).toBe(404)
  })
})


describe('催办', () => {
  it('leaves a reminder on every section not handed in, once, and resolves it when the section is handed in', async () => {
    const remind = (username: string) => api<{ reminded?: number; error?: { code: string } }>(server, `/api/summaries/${summaryId}/reminders`, { token: tokens[username], body: {} })
    expect((await remind('invest')).status).toBe(403)
    expect((await remind('viewer')).status).toBe(403)
    expect((await api(server, `/api/summaries/${summaryId}`, { token: tokens.admin, method: 'PATCH', body: { dueDate: '2026-12-20' } })).status).toBe(200)
    // A section with a 执笔人 names them in its reminder.
    const invest2 = (await api<Array<{ id: string; username: string }>>(server, '/api/users', { token: tokens.admin })).body.find((person) => person.username === 'invest2')!
    expect((await api(server, `/api/summaries/${summaryId}/sections/investment-channels/writer`, { token: tokens.admin, method: 'PUT', body: { userId: invest2.id } })).status).toBe(200)
    const reader = await open('admin')
    // 三、下一年度工作打算 is a bare heading over its sub-sections: nothing of its own to hand in.
    const drafting = readOutline(reader.doc).filter((entry) => entry.status === 'drafting' && entry.id !== 'plan').map((entry) => entry.id)
    expect(drafting.length).toBeGreaterThan(0)
    const first = await remind('leader')
    expect([first.status, first.body.reminded]).toEqual([201, drafting.length])
    const reminders = () => readThreads(reader.doc).filter((thread) => thread.text.startsWith('【催办】'))
    await waitFor(() => reminders().length === drafting.length)
    expect(reminders().some((thread) => thread.sectionId === 'plan')).toBe(false)
    const reminder = reminders().find((thread) => thread.sectionId === 'investment-service')!
    expect(reminder).toMatchObject({ wholeSection: true, quote: '', resolved: false, authorName: '王主任', text: '【催办】本节尚未提交审核，请抓紧撰写，于12月20日前提交。 @招商部' })
    expect(reminder.mentions).toHaveLength(1)
    expect(reminders().find((thread) => thread.sectionId === 'investment-channels')).toMatchObject({ text: '【催办】本节尚未提交审核（执笔：陈招商），请抓紧撰写，于12月20日前提交。 @招商部', mentionedPeople: [invest2.id] })
    expect(reminder.mentionedPeople).toEqual([])
    // Once: a second round leaves nothing new while the first is open.
    const second = await remind('admin')
    expect([second.status, second.body.reminded]).toEqual([200, 0])
    // Handing the section in resolves its reminder.
    const writer = await open('invest')
    writeParagraph(writer.doc, 'investment-service', '全程代办项目手续。')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('全程代办'))
    expect((await patch('invest', 'investment-service', { status: 'review' })).body.status).toBe('review')
    await waitFor(() => reminders().find((thread) => thread.sectionId === 'investment-service')?.resolved === true)
    expect(reminders().find((thread) => thread.sectionId === 'investment-service')?.resolvedBy).toBe('张招商')
    expect(reminders().filter((thread) => !thread.resolved)).toHaveLength(drafting.length - 1)
    const journal = (await api<Array<{ detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: tokens.admin })).body
    expect(journal.some((entry) => entry.detail === `催办 ${drafting.length} 个未提交的章节`)).toBe(true)
  })
})

/** A new section of 招商部 (invest's department), at the end of the outline. */
const newSection = async (title: string) => {
  const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: tokens.admin })).body
  const invest = departments.find((department) => department.name === '招商部')!
  return (await api<{ id: string }>(server, `/api/summaries/${summaryId}/sections`, { token: tokens.admin, body: { title, departmentId: invest.id, level: 2 } })).body.id
}

/** A new section that invest writes and leader reads; `write` returns once the reader has the paragraph. */
const sectionBeingWritten = async (title: string) => {
  const sectionId = await newSection(title)
  const writer = await open('invest')
  const reader = await open('leader')
  const write = async (paragraph: string) => {
    writeParagraph(writer.doc, sectionId, paragraph)
    await waitFor(() => sectionText(reader.doc, sectionId).includes(paragraph))
  }
  return { sectionId, writer, reader, write }
}

const saveVersion = async (name: string) => (await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: tokens.admin, body: { name } })).body.id

describe('when the version before a deletion or a revert cannot be saved', () => {
  it('keeps the section where it was, with its status and its text, and says so', async () => {
    const { sectionId, reader, write } = await sectionBeingWritten('版本存不下时的章节')
    await write('旧稿。')
    const old = await saveVersion('旧稿')
    await write('新稿。')
    expect((await patch('invest', sectionId, { status: 'review' })).status).toBe(200)
    await waitFor(() => readOutline(reader.doc).find((entry) => entry.id === sectionId)?.status === 'review')
    const outline = readOutline(reader.doc)

    const allow = await refuseStoring(server, 'versions')
    try {
      const deleted = await api<{ error: { code: string; message: string } }>(server, `/api/summaries/${summaryId}/sections/${sectionId}?force=1`, { token: tokens.admin, method: 'DELETE' })
      expect([deleted.status, deleted.body.error.code]).toEqual([503, 'version-not-saved'])
      expect(deleted.body.error.message).toContain('本节没有删除')
      const reverted = await api<{ error: { code: string } }>(server, `/api/summaries/${summaryId}/versions/${old}/sections/${sectionId}/revert`, { token: tokens.admin, body: {} })
      expect([reverted.status, reverted.body.error.code]).toEqual([503, 'version-not-saved'])
    } finally {
      await allow()
    }
    await new Promise((resolve) => setTimeout(resolve, 200)) // whatever the two calls changed has reached the reader
    expect(readOutline(reader.doc)).toEqual(outline)
    expect(sectionText(reader.doc, sectionId)).toBe('旧稿。\n新稿。')
    const detail = (await api<{ sections: Array<{ id: string; status: string }> }>(server, `/api/summaries/${summaryId}`, { token: tokens.admin })).body
    expect(detail.sections.find((section) => section.id === sectionId)?.status).toBe('review')
  })
})

// On PostgreSQL a version is written while the summary goes on being typed in; SQLite writes it
// synchronously, so there is no “meanwhile” to test (holdTable.ts).
describe.runIf(process.env.TEST_POSTGRES === '1')('typing while the version before a deletion or a revert is being written', () => {
  const LATE = '写入版本时才到的一段。'
  it('deletes a section: a paragraph typed meanwhile is in the version saved, or refused to its writer — never silently dropped', async () => {
    const { sectionId, writer, reader, write } = await sectionBeingWritten('删除时仍在写的章节')
    await write('删除前写好的一段。')

    const hold = await holdInserts(server, 'versions')
    const deleting = api<{ versionId: string }>(server, `/api/summaries/${summaryId}/sections/${sectionId}?force=1`, { token: tokens.admin, method: 'DELETE' })
    await hold.waiting()
    writeParagraph(writer.doc, sectionId, LATE)
    const accepted = () => sectionText(reader.doc, sectionId).includes(LATE)
    await waitFor(() => writer.denied.length > 0 || accepted(), 5000, 'the late paragraph accepted or refused')
    await hold.release()
    const deleted = await deleting
    expect(deleted.status).toBe(200)
    const saved = await text(`/versions/${deleted.body.versionId}/export?format=txt`)
    expect(saved).toContain('删除前写好的一段。')
    if (accepted()) expect(saved).toContain(LATE)
    else expect(writer.denied.length).toBeGreaterThan(0)
  })

  it('puts a version’s text back: a paragraph typed meanwhile stays in the section or in the version saved first', async () => {
    const { sectionId, writer, reader, write } = await sectionBeingWritten('恢复时仍在写的章节')
    await write('第一稿。')
    const first = await saveVersion('第一稿')
    await write('第二稿。')

    const hold = await holdInserts(server, 'versions')
    const reverting = api<{ savedVersionId: string }>(server, `/api/summaries/${summaryId}/versions/${first}/sections/${sectionId}/revert`, { token: tokens.invest, body: {} })
    await hold.waiting()
    writeParagraph(writer.doc, sectionId, LATE)
    await waitFor(() => writer.denied.length > 0 || sectionText(reader.doc, sectionId).includes(LATE), 5000, 'the late paragraph accepted or refused')
    await hold.release()
    const reverted = await reverting
    expect(reverted.status).toBe(200)
    expect(writer.denied).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 200)) // the revert, if it came after, has reached the reader
    const saved = await text(`/versions/${reverted.body.savedVersionId}/export?format=txt`)
    expect(saved).toContain('第二稿。')
    expect(sectionText(reader.doc, sectionId).includes(LATE) || saved.includes(LATE)).toBe(true)
  })
})
