import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChangesReport } from '../../shared/changes.js'
import type { ReadableChange } from '../../shared/diffParagraphs.js'
import { anchorsFor, api, createClientPool, demoSummaryId, findPhrase, login, startTestServer, waitFor, writeParagraph, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let leader: string
let invest: string
let writer: TestClient
const pool = createClientPool()

const changes = async (token: string) => (await api<ChangesReport>(server, `/api/summaries/${summaryId}/changes`, { token })).body
const markRead = (token: string, body: { sectionId?: string } = {}) => api<ChangesReport>(server, `/api/summaries/${summaryId}/read`, { token, method: 'POST', body })
const sectionChanges = (token: string, sectionId: string) => api<{ heading: string; readAt: number | null; changes: ReadableChange[] }>(server, `/api/summaries/${summaryId}/changes/${sectionId}`, { token })
/** Waits until the server has the writer's text (the answers read the live summary). */
const serverHas = (sectionId: string, phrase: string) =>
  waitFor(async () => (await sectionChanges(leader, sectionId)).body.changes.some((change) => JSON.stringify(change).includes(phrase)), 5000, `“${phrase}” on the server`)

beforeAll(async () => {
  server = await startTestServer()
  const admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
  leader = await login(server, 'leader')
  invest = await login(server, 'invest')
  writer = await pool.open(server, summaryId, invest)
  writeParagraph(writer.doc, 'investment-service', '全年为项目代办审批事项30件。')
  await waitFor(async () => (await (await fetch(`${server.url}/api/summaries/${summaryId}/export?format=txt`, { headers: { authorization: `Bearer ${leader}` } })).text()).includes('代办审批事项30件'), 5000, 'the text on the server')
})

afterAll(async () => {
  pool.destroyAll()
  await server.close()
})

describe('已读 and 有改动', () => {
  it('lists nothing before a reader has read anything, and marking all read keeps today’s text', async () => {
    expect(await changes(leader)).toEqual({ readAt: null, sections: [], replies: [] })
    const before = Date.now()
    const marked = await markRead(leader)
    expect(marked.status).toBe(200)
    expect(marked.body.readAt).toBeGreaterThanOrEqual(before)
    expect(marked.body.sections).toEqual([])
    expect((await markRead(invest)).status).toBe(200)
  })

  it('lists a section another person changed, with who, and shows the change word by word', async () => {
    writeParagraph(writer.doc, 'investment-channels', '全年赴长三角开展驻点招商12次。')
    const { text, index } = findPhrase(writer.doc, 'investment-service', '代办')
    text.insert(index, '全程')
    await serverHas('investment-channels', '驻点招商12次')
    await serverHas('investment-service', '全程')

    const listed = await changes(leader)
    expect(listed.sections.map((section) => section.sectionId)).toEqual(['investment-channels', 'investment-service'])
    expect(listed.sections[0]).toMatchObject({ heading: '1.拓宽招商渠道', editors: ['张招商'], figures: [] })
    expect(listed.sections[0]!.lastEditAt).toBeGreaterThanOrEqual(listed.sections[0]!.readAt)

    const added = await sectionChanges(leader, 'investment-channels')
    expect(added.body.changes.filter((change) => change.op !== 'equal')).toEqual([{ op: 'insert', text: '全年赴长三角开展驻点招商12次。' }])
    const edited = await sectionChanges(leader, 'investment-service')
    const changed = edited.body.changes.find((change) => change.op === 'change')
    expect(changed && 'parts' in changed ? changed.parts.filter((part) => part.op !== 'equal') : null).toEqual([{ op: 'insert', text: '全程' }])
  })

  it('does not tell writers of their own edits', async () => {
    expect((await changes(invest)).sections).toEqual([])
  })

  it('marks one section read, leaving the others listed', async () => {
    const marked = await markRead(leader, { sectionId: 'investment-channels' })
    expect(marked.body.sections.map((section) => section.sectionId)).toEqual(['investment-service'])
    expect((await sectionChanges(leader, 'investment-channels')).body.changes.every((change) => change.op === 'equal')).toBe(true)
  })

  it('does not list a section whose text came back to what was read', async () => {
    const { text, index } = findPhrase(writer.doc, 'investment-service', '全程')
    text.delete(index, 2)
    await waitFor(async () => (await changes(leader)).sections.length === 0, 5000, 'the section to read as before')
  })

  it('lists a section whose figure changed, with nobody as its editor', async () => {
    const admin = await login(server, 'admin')
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: admin, method: 'PUT', body: { values: [{ key: 'agreed_funds', value: 6.3 }] } })).status).toBe(200)
    const listed = await changes(leader)
    expect(listed.sections).toMatchObject([{ sectionId: 'investment', editors: [], figures: ['协议资金'], lastEditAt: null }])
    const figure = (await sectionChanges(leader, 'investment')).body.changes.find((change) => change.op === 'change')
    const parts = figure && 'parts' in figure ? figure.parts : []
    expect(parts).toContainEqual({ op: 'delete', text: '5.2' })
    expect(parts).toContainEqual({ op: 'insert', text: '6.3' })
    // The writer did not change it either: news to them too.
    expect((await changes(invest)).sections.map((section) => section.sectionId)).toEqual(['investment'])
  })

  it('keeps each reader’s marks apart', async () => {
    await markRead(leader)
    expect((await changes(leader)).sections).toEqual([])
    expect((await changes(invest)).sections.map((section) => section.sectionId)).toEqual(['investment'])
  })

  it('names who accepted a suggestion as the one who changed the section', async () => {
    const admin = await login(server, 'admin')
    await markRead(admin)
    const suggestion = await api<{ id: string }>(server, `/api/summaries/${summaryId}/comments`, {
      token: leader,
      body: { sectionId: 'investment-service', ...anchorsFor(writer.doc, 'investment-service', '审批事项'), quote: '审批事项', text: '表述更准确', suggestion: '审批服务事项' },
    })
    expect(suggestion.status).toBe(201)
    expect((await api(server, `/api/summaries/${summaryId}/comments/${suggestion.body.id}/accept`, { token: invest, method: 'POST', body: {} })).status).toBe(200)
    expect((await changes(admin)).sections).toMatchObject([{ sectionId: 'investment-service', editors: ['张招商'] }])
    // Accepting is the writer's own edit: no news to them.
    expect((await changes(invest)).sections.map((section) => section.sectionId)).toEqual(['investment'])
  })

  it('lists replies others wrote to a comment the reader took part in, until the section is read', async () => {
    const thread = await api<{ id: string }>(server, `/api/summaries/${summaryId}/comments`, { token: leader, body: { sectionId: 'investment-channels', wholeSection: true, text: '请补充驻点招商的成效' } })
    expect(thread.status).toBe(201)
    await markRead(leader)
    expect((await changes(leader)).replies).toEqual([])
    expect((await api(server, `/api/summaries/${summaryId}/comments/${thread.body.id}/replies`, { token: invest, body: { text: '已补充签约项目数' } })).status).toBe(201)
    expect((await changes(leader)).replies).toEqual([{ threadId: thread.body.id, sectionId: 'investment-channels', count: 1, from: ['张招商'] }])
    // Not news to who wrote it, nor to someone who took no part.
    expect((await changes(invest)).replies).toEqual([])
    expect((await changes(await login(server, 'admin'))).replies).toEqual([])
    expect((await markRead(leader, { sectionId: 'investment-channels' })).body.replies).toEqual([])
  })

  it('refuses unknown sections and summaries, bad input and strangers, and marks nothing', async () => {
    const unknown = await markRead(leader, { sectionId: 'nope' })
    expect(unknown.status).toBe(404)
    expect((await sectionChanges(leader, 'nope')).status).toBe(404)
    expect((await api(server, '/api/summaries/nope/changes', { token: leader })).status).toBe(404)
    const bad = await api<{ error: { code: string } }>(server, `/api/summaries/${summaryId}/read`, { token: leader, method: 'POST', body: { sectionId: 5 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid-input')
    expect((await api(server, `/api/summaries/${summaryId}/changes`)).status).toBe(401)
    expect((await api(server, `/api/summaries/${summaryId}/read`, { method: 'POST', body: {} })).status).toBe(401)
    expect((await changes(invest)).sections.map((section) => section.sectionId)).toEqual(['investment'])
  })
})
