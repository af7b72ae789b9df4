import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isAnchorDetached, readThreads } from '../../shared/doc/comments.js'
import { anchoredText, anchorsFor, api, createClientPool, demoSummaryId, findPhrase, login, sectionText, startTestServer, waitFor, writeParagraph } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
const tokens: Record<string, string> = {}
const pool = createClientPool()
const open = (username: string) => pool.open(server, summaryId, tokens[username]!)

const comment = (username: string, body: unknown) => api<{ id: string; error?: { code: string; message: string } }>(server, `/api/summaries/${summaryId}/comments`, { token: tokens[username], body })
const action = (username: string, threadId: string, what: string, body: unknown = {}) =>
  api<{ error?: { code: string } }>(server, `/api/summaries/${summaryId}/comments/${threadId}/${what}`, { token: tokens[username], body })

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['admin', 'leader', 'invest', 'invest2', 'safety', 'viewer']) tokens[username] = await login(server, username)
  summaryId = await demoSummaryId(server, tokens.admin!)
  const writer = await open('invest')
  writeParagraph(writer.doc, 'investment-service', '全年为企业代办手续56件，项目落地周期明显缩短。')
  writeParagraph(writer.doc, 'investment-channels', '赴长三角开展驻点招商。')
  await waitFor(() => sectionText(writer.doc, 'investment-service').includes('代办'))
  await new Promise((resolve) => setTimeout(resolve, 50))
})

afterAll(async () => {
  pool.destroyAll()
  await server.close()
})

describe('comment threads', () => {
  it('lets a leader comment on a phrase; everyone sees the thread live', async () => {
    const leader = await open('leader')
    const writer = await open('invest')
    const anchors = anchorsFor(leader.doc, 'investment-service', '项目落地周期明显缩短')
    const created = await comment('leader', { sectionId: 'investment-service', ...anchors, quote: '项目落地周期明显缩短', text: '请补充具体成效 @招商部' })
    expect(created.status).toBe(201)
    await waitFor(() => readThreads(writer.doc).some((thread) => thread.id === created.body.id))
    const thread = readThreads(writer.doc).find((item) => item.id === created.body.id)!
    expect(thread).toMatchObject({ sectionId: 'investment-service', quote: '项目落地周期明显缩短', authorName: '王主任', resolved: false, text: '请补充具体成效 @招商部' })
    expect(thread.mentions).toHaveLength(1)
    expect(anchoredText(writer.doc, thread.anchorStart, thread.anchorEnd)).toBe('项目落地周期明显缩短')
  })

  it('keeps the anchor on its phrase while the department edits before and inside it', async () => {
    const writer = await open('invest')
    const anchors = anchorsFor(writer.doc, 'investment-channels', '驻点招商')
    const { body } = await comment('leader', { sectionId: 'investment-channels', ...anchors, quote: '驻点招商', text: '数据需核实' })
    const reader = await open('admin')
    await waitFor(() => readThreads(reader.doc).some((thread) => thread.id === body.id))
    const other = await open('invest2')
    const first = findPhrase(writer.doc, 'investment-channels', '赴长三角')
    first.text.insert(first.index, '上半年') // before the range, by one writer
    const second = findPhrase(other.doc, 'investment-channels', '驻点招商')
    second.text.insert(second.index + 2, '小分队') // inside the range, concurrently by another
    await waitFor(() => sectionText(reader.doc, 'investment-channels').includes('上半年') && sectionText(reader.doc, 'investment-channels').includes('小分队'))
    const thread = readThreads(reader.doc).find((item) => item.id === body.id)!
    expect(anchoredText(reader.doc, thread.anchorStart, thread.anchorEnd)).toBe('驻点小分队招商')
  })

  it('finds people mentioned by name as well as departments, in comments, replies and edits', async () => {
    const people = await api<Array<{ id: string; displayName: string; departmentId: string | null }>>(server, '/api/people', { token: tokens.viewer })
    expect(people.status).toBe(200)
    const idOf = (name: string) => people.body.find((person) => person.displayName === name)!.id
    expect(people.body.map((person) => person.displayName)).toEqual(expect.arrayContaining(['王主任', '陈招商', '张招商']))
    expect(Object.keys(people.body[0]!).sort()).toEqual(['departmentId', 'displayName', 'id'])

    const { body } = await comment('leader', { sectionId: 'plan', wholeSection: true, text: '@陈招商 @招商部 请补充明年的目标' })
    const reader = await open('viewer')
    const threadOf = () => readThreads(reader.doc).find((item) => item.id === body.id)
    await waitFor(() => threadOf() !== undefined)
    expect(threadOf()).toMatchObject({ mentionedPeople: [idOf('陈招商')], mentions: [expect.any(String)] })
    expect((await action('invest2', body.id, 'replies', { text: '@王主任 已补充' })).status).toBe(201)
    await waitFor(() => threadOf()!.replies.length === 1)
    expect(threadOf()!.replies[0]!.mentionedPeople).toEqual([idOf('王主任')])
    expect((await api(server, `/api/summaries/${summaryId}/comments/${body.id}`, { token: tokens.leader, method: 'PATCH', body: { text: '@张招商 请补充明年的目标' } })).status).toBe(200)
    await waitFor(() => threadOf()!.mentionedPeople[0] === idOf('张招商'))
    expect(threadOf()!.mentions).toEqual([])
    // The progress report counts the open threads that name each person, for the summary list.
    const progress = await api<{ people: Record<string, number> }>(server, `/api/summaries/${summaryId}/progress`, { token: tokens.viewer })
    expect(progress.body.people[idOf('张招商')]).toBe(1)
    expect(progress.body.people[idOf('王主任')]).toBe(1)
    expect(progress.body.people[idOf('陈招商')]).toBeUndefined()
  })

  it('keeps a thread with its quote when the phrase is deleted', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'investment-service', '这句话稍后会被删掉。')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('删掉'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { body } = await comment('leader', { sectionId: 'investment-service', ...anchorsFor(writer.doc, 'investment-service', '稍后会被删掉'), quote: '稍后会被删掉', text: '请删去' })
    const { text, index } = findPhrase(writer.doc, 'investment-service', '这句话稍后会被删掉')
    text.delete(index, '这句话稍后会被删掉。'.length)
    const reader = await open('leader')
    await waitFor(() => !sectionText(reader.doc, 'investment-service').includes('删掉'))
    const thread = readThreads(reader.doc).find((item) => item.id === body.id)!
    expect(thread.quote).toBe('稍后会被删掉')
    expect(anchoredText(reader.doc, thread.anchorStart, thread.anchorEnd)).toBe('')
  })

  it('lets writers reply, and only the owner department, a leader or the admin resolve and reopen', async () => {
    const leader = await open('leader')
    const { body } = await comment('leader', { sectionId: 'investment-service', ...anchorsFor(leader.doc, 'investment-service', '代办手续56件'), quote: '代办手续56件', text: '补充同比' })
    expect((await action('safety', body.id, 'replies', { text: '安监办也有类似数据' })).status).toBe(201)
    expect((await action('invest2', body.id, 'replies', { text: '已补充' })).status).toBe(201)
    expect((await action('safety', body.id, 'resolve')).status).toBe(403)
    expect((await action('viewer', body.id, 'resolve')).status).toBe(403)
    expect((await action('invest', body.id, 'resolve')).status).toBe(200)
    await waitFor(() => readThreads(leader.doc).find((thread) => thread.id === body.id)?.resolved === true)
    expect((await action('leader', body.id, 'reopen')).status).toBe(200)
    await waitFor(() => readThreads(leader.doc).find((thread) => thread.id === body.id)?.resolved === false)
    const thread = readThreads(leader.doc).find((item) => item.id === body.id)!
    expect(thread.replies.map((reply) => [reply.authorName, reply.text])).toEqual([
      ['孙安监', '安监办也有类似数据'],
      ['陈招商', '已补充'],
    ])
  })

  it('lets only the author edit or delete their comment text', async () => {
    const leader = await open('leader')
    const { body } = await comment('leader', { sectionId: 'investment-service', ...anchorsFor(leader.doc, 'investment-service', '全年为企业'), quote: '全年为企业', text: '措辞' })
    const edit = (username: string) => api(server, `/api/summaries/${summaryId}/comments/${body.id}`, { token: tokens[username], method: 'PATCH', body: { text: '改后的意见' } })
    expect((await edit('admin')).status).toBe(403)
    expect((await edit('leader')).status).toBe(200)
    const reply = await action('invest', body.id, 'replies', { text: '收到' })
    const replyId = (reply.body as unknown as { id: string }).id
    expect((await api(server, `/api/summaries/${summaryId}/comments/${body.id}/replies/${replyId}`, { token: tokens.leader, method: 'DELETE' })).status).toBe(403)
    expect((await api(server, `/api/summaries/${summaryId}/comments/${body.id}/replies/${replyId}`, { token: tokens.invest, method: 'DELETE' })).status).toBe(200)
    expect((await api(server, `/api/summaries/${summaryId}/comments/${body.id}`, { token: tokens.invest, method: 'DELETE' })).status).toBe(403)
    expect((await api(server, `/api/summaries/${summaryId}/comments/${body.id}`, { token: tokens.leader, method: 'DELETE' })).status).toBe(200)
    await waitFor(() => !readThreads(leader.doc).some((thread) => thread.id === body.id))
  })

  it('refuses viewers, unknown sections, empty or over-long text and foreign anchors with clear errors', async () => {
    const leader = await open('leader')
    const anchors = anchorsFor(leader.doc, 'investment-service', '代办手续')
    expect((await comment('viewer', { sectionId: 'investment-service', ...anchors, quote: '代办手续', text: '我来评论' })).status).toBe(403)
    const unknown = await comment('leader', { sectionId: 'nope', ...anchors, quote: '代办手续', text: '意见' })
    expect([unknown.status, unknown.body.error?.code]).toEqual([400, 'unknown-section'])
    const empty = await comment('leader', { sectionId: 'investment-service', ...anchors, quote: '代办手续', text: '   ' })
    expect([empty.status, empty.body.error?.code]).toEqual([400, 'invalid-input'])
    expect(empty.body.error?.message).toContain('text')
    expect((await comment('leader', { sectionId: 'investment-service', ...anchors, quote: '代办手续', text: '长'.repeat(2001) })).status).toBe(400)
    const foreign = await comment('leader', { sectionId: 'safety', ...anchors, quote: '代办手续', text: '意见' })
    expect([foreign.status, foreign.body.error?.code]).toEqual([400, 'invalid-anchor'])
    expect((await comment('leader', { sectionId: 'investment-service', anchorStart: 'AAAA', anchorEnd: '!!', quote: '', text: '意见' })).status).toBe(400)
  })

  it('takes a comment on a whole section, also an empty one, without a phrase', async () => {
    const writer = await open('safety')
    const created = await comment('leader', { sectionId: 'plan-safety', wholeSection: true, text: '本节还没写，请在周五前补上 @安监办' })
    expect(created.status).toBe(201)
    await waitFor(() => readThreads(writer.doc).some((thread) => thread.id === created.body.id))
    const thread = readThreads(writer.doc).find((item) => item.id === created.body.id)!
    expect(thread).toMatchObject({ sectionId: 'plan-safety', wholeSection: true, quote: '', suggestion: null, resolved: false })
    expect(thread.mentions).toHaveLength(1)
    // Not a phrase that was deleted: the section holds it, with or without text.
    expect(isAnchorDetached(writer.doc, thread)).toBe(false)
    writeParagraph(writer.doc, 'plan-safety', '全面落实安全生产责任制。')
    await waitFor(() => sectionText(writer.doc, 'plan-safety').includes('责任制'))
    expect(isAnchorDetached(writer.doc, thread)).toBe(false)
    expect((await action('safety', created.body.id, 'resolve')).status).toBe(200)
    // Without the flag a comment still needs its phrase.
    const bare = await comment('leader', { sectionId: 'plan-safety', text: '意见' })
    expect([bare.status, bare.body.error?.code]).toEqual([400, 'invalid-input'])
    expect((await comment('viewer', { sectionId: 'plan-safety', wholeSection: true, text: '意见' })).status).toBe(403)
    expect((await comment('leader', { sectionId: 'nope', wholeSection: true, text: '意见' })).body.error?.code).toBe('unknown-section')
  })

  it('counts, per department, open threads elsewhere that mention it, in text or replies', async () => {
    const mentionsOf = async () => {
      const { body } = await api<{ departments: Array<{ name: string; mentions: number }> }>(server, `/api/summaries/${summaryId}/progress`, { token: tokens.invest })
      return Object.fromEntries(body.departments.map((department) => [department.name, department.mentions]))
    }
    const before = await mentionsOf()
    const elsewhere = await comment('leader', { sectionId: 'overview', wholeSection: true, text: '@招商部 请提供全年签约数' })
    await action('admin', elsewhere.body.id, 'replies', { text: '@安监办 也请提供检查次数' })
    // On the department's own section it is counted as its open comment, not again as a mention.
    await comment('leader', { sectionId: 'plan-investment', wholeSection: true, text: '@招商部 再具体些' })
    const after = await mentionsOf()
    expect(after['招商部']! - before['招商部']!).toBe(1)
    expect(after['安监办']! - before['安监办']!).toBe(1)
    await action('leader', elsewhere.body.id, 'resolve')
    expect((await mentionsOf())['招商部']).toBe(before['招商部'])
  })

  it('never lets a client write the comments root directly', async () => {
    const writer = await open('invest')
    writer.doc.getMap('comments').set('forged', new Y.Map())
    await waitFor(() => writer.closes.some((close) => close.code === 4403), 5000, '4403')
  })

  it('lists every thread in outline order in the 审阅意见汇总表 (.xlsx), with replies and how it was handled', async () => {
    const leader = await open('leader')
    const anchors = anchorsFor(leader.doc, 'investment-channels', '赴长三角')
    const { body } = await comment('leader', { sectionId: 'investment-channels', ...anchors, quote: '赴长三角', text: '请写明去了几次' })
    expect((await action('invest', body.id, 'replies', { text: '已补充：全年6次' })).status).toBe(201)
    expect((await action('leader', body.id, 'resolve')).status).toBe(200)

    const response = await fetch(`${server.url}/api/summaries/${summaryId}/comments?format=xlsx`, { headers: { authorization: `Bearer ${tokens.viewer}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('青山工业园区管理委员会2026年度工作总结审阅意见汇总表.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const rows = workbook.worksheets[0]!.getSheetValues().slice(3).map((row) => (Array.isArray(row) ? row.slice(1) : []))
    const threads = (await api<unknown[]>(server, `/api/summaries/${summaryId}/comments`, { token: tokens.viewer })).body
    expect(rows).toHaveLength(threads.length)
    const row = rows.find((cells) => cells[4] === '请写明去了几次')!
    expect(row.slice(1, 6)).toEqual(['1.拓宽招商渠道', '招商部', '赴长三角', '请写明去了几次', '王主任'])
    expect(row[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(row[7]).toMatch(/^张招商（.+）：已补充：全年6次$/)
    expect(row[8]).toBe('已解决（王主任）')
    // 1.拓宽招商渠道 comes before 2.做优项目服务 in the outline, so do its threads.
    const sections = rows.map((cells) => cells[1])
    expect(sections.lastIndexOf('1.拓宽招商渠道')).toBeLessThan(sections.indexOf('2.做优项目服务'))
    expect((await api(server, `/api/summaries/${summaryId}/comments?format=pdf`, { token: tokens.viewer })).status).toBe(400)
  })
})


describe('suggested edits (建议修改)', () => {
  /** The section's text without its formatting tags. */
  const plain = (doc: Y.Doc, sectionId: string) => sectionText(doc, sectionId).replace(/<[^>]+>/g, '')
  const journal = async () => (await api<Array<{ action: string; detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: tokens.admin })).body

  it('puts the suggested words in place of the phrase when the writing department accepts, for everyone, keeping its formatting', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'plan-investment', '力争全年新签项目取得较大突破。')
    const phrase = findPhrase(writer.doc, 'plan-investment', '较大突破')
    phrase.text.format(phrase.index, 4, { bold: true })
    const leader = await open('leader')
    await waitFor(() => sectionText(leader.doc, 'plan-investment').includes('较大突破'))
    const created = await comment('leader', { sectionId: 'plan-investment', ...anchorsFor(leader.doc, 'plan-investment', '较大突破'), quote: '较大突破', text: '目标要具体', suggestion: '新的更大突破' })
    expect(created.status).toBe(201)
    await waitFor(() => readThreads(writer.doc).some((thread) => thread.id === created.body.id))
    expect(readThreads(writer.doc).find((thread) => thread.id === created.body.id)).toMatchObject({ suggestion: '新的更大突破', acceptedBy: null, resolved: false })

    // Only who may write the section accepts: not another department, not the leader.
    expect((await action('safety', created.body.id, 'accept')).status).toBe(403)
    expect((await action('leader', created.body.id, 'accept')).status).toBe(403)
    expect(plain(writer.doc, 'plan-investment')).toContain('取得较大突破。')
    const accepted = await action('invest', created.body.id, 'accept')
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ resolved: true, acceptedBy: '张招商', resolvedBy: '张招商' })
    await waitFor(() => plain(leader.doc, 'plan-investment').includes('力争全年新签项目取得新的更大突破。'), 5000, 'the accepted words')
    const replaced = findPhrase(leader.doc, 'plan-investment', '新的更大突破')
    const runs = replaced.text.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>
    expect(runs.find((run) => run.insert.includes('新的更大突破'))?.attributes).toEqual({ bold: true })
    expect((await journal()).some((entry) => entry.action === 'suggestion' && entry.detail === '采纳王主任的修改建议：“较大突破”改为“新的更大突破”')).toBe(true)
    expect((await action('invest', created.body.id, 'accept')).body.error?.code).toBe('thread-resolved')
    // The 审阅意见汇总表 says what was suggested and that it was taken.
    const response = await fetch(`${server.url}/api/summaries/${summaryId}/comments?format=xlsx`, { headers: { authorization: `Bearer ${tokens.admin}` } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const row = Array.from(workbook.worksheets[0]!.getSheetValues(), (cells) => (Array.isArray(cells) ? cells.slice(1) : [])).find((cells) => cells[3] === '较大突破')!
    expect([row[4], row[8]]).toEqual(['建议改为“新的更大突破”；目标要具体', '已采纳（张招商）'])
  })

  it('refuses to accept when the phrase was changed meanwhile, and changes nothing', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'plan-investment', '紧盯长三角地区开展招商。')
    const leader = await open('leader')
    await waitFor(() => sectionText(leader.doc, 'plan-investment').includes('紧盯长三角'))
    const { body } = await comment('leader', { sectionId: 'plan-investment', ...anchorsFor(leader.doc, 'plan-investment', '长三角地区'), quote: '长三角地区', text: '范围再明确', suggestion: '长三角、珠三角地区' })
    const phrase = findPhrase(writer.doc, 'plan-investment', '长三角地区')
    phrase.text.insert(phrase.index + 3, '等')
    await waitFor(() => sectionText(leader.doc, 'plan-investment').includes('长三角等地区'))
    const refused = await action('invest', body.id, 'accept')
    expect(refused.status).toBe(409)
    expect(refused.body.error?.code).toBe('quote-changed')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sectionText(leader.doc, 'plan-investment')).toContain('紧盯长三角等地区开展招商。')
    expect(readThreads(leader.doc).find((thread) => thread.id === body.id)?.resolved).toBe(false)
  })

  it('deletes the phrase for an empty suggestion, and not in a section that is final', async () => {
    const writer = await open('invest')
    writeParagraph(writer.doc, 'investment-channels', '进一步切实加强以商招商。')
    const leader = await open('leader')
    await waitFor(() => sectionText(leader.doc, 'investment-channels').includes('切实加强'))
    const remove = await comment('leader', { sectionId: 'investment-channels', ...anchorsFor(leader.doc, 'investment-channels', '进一步'), quote: '进一步', text: '删去套话', suggestion: '' })
    const locked = await comment('leader', { sectionId: 'investment-channels', ...anchorsFor(leader.doc, 'investment-channels', '切实'), quote: '切实', text: '删去', suggestion: '' })
    expect((await action('invest', remove.body.id, 'accept')).status).toBe(200)
    await waitFor(() => !plain(leader.doc, 'investment-channels').includes('进一步切实'), 5000, 'the phrase deleted')
    expect(plain(leader.doc, 'investment-channels')).toContain('切实加强以商招商。')

    const patch = (username: string, status: string) => api(server, `/api/summaries/${summaryId}/sections/investment-channels`, { token: tokens[username], method: 'PATCH', body: { status } })
    expect((await patch('invest', 'review')).status).toBe(200)
    expect((await patch('leader', 'final')).status).toBe(200)
    const refused = await action('invest', locked.body.id, 'accept')
    expect(refused.body.error?.code).toBe('section-final')
    expect((await patch('admin', 'drafting')).status).toBe(200)
  })

  it('refuses suggestions on a phrase that spans a figure, a changed selection or a line break', async () => {
    const leader = await open('leader')
    // 全年新签工业项目[18个]，协议资金…: from the sentence's start to just after the first figure.
    const paragraph = leader.doc.getXmlFragment('section:investment').get(0) as Y.XmlElement
    const [before, , after] = paragraph.toArray() as [Y.XmlText, Y.XmlElement, Y.XmlText]
    const encode = (text: Y.XmlText, at: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, -1))).toString('base64')
    const across = await comment('leader', { sectionId: 'investment', anchorStart: encode(before, 0), anchorEnd: encode(after, 1), quote: '全年新签工业项目18个，', text: '改写', suggestion: '全年新签项目' })
    expect(across.status).toBe(400)
    expect(across.body.error).toMatchObject({ code: 'suggestion-range', message: '建议修改只能针对同一段内的一段文字（不含指标和换行），请缩小所选范围' })
    const anchors = anchorsFor(leader.doc, 'investment', '全年新签')
    expect((await comment('leader', { sectionId: 'investment', ...anchors, quote: '全年新增', text: '改写', suggestion: '全年' })).body.error?.code).toBe('quote-changed')
    expect((await comment('leader', { sectionId: 'investment', ...anchors, quote: '全年新签', text: '改写', suggestion: '全年\n新签' })).status).toBe(400)
    expect((await comment('leader', { sectionId: 'investment', ...anchors, quote: '全年新签', text: '改写', suggestion: '全年新签' })).body.error?.code).toBe('suggestion-unchanged')
    // A plain comment on the same range is fine.
    expect((await comment('leader', { sectionId: 'investment', anchorStart: encode(before, 0), anchorEnd: encode(after, 1), quote: '全年新签工业项目18个，', text: '数据需核实' })).status).toBe(201)
  })
})
