import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, connect, createClientPool, login, sectionText, startTestServer, synced, waitFor, writeParagraph } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let admin: string
const clients = createClientPool()

interface Summary {
  id: string
  title: string
  deletedAt?: number
  deletedBy?: string
}

const newSummary = async (organisation: string): Promise<string> =>
  (await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation } })).body.id
const listed = async (query = '') => (await api<Summary[]>(server, `/api/summaries${query}`, { token: admin })).body.map((summary) => summary.id)
const exportText = async (id: string): Promise<{ status: number; text: string }> => {
  const response = await fetch(`${server.url}/api/summaries/${id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })
  return { status: response.status, text: await response.text() }
}
/** Writes a paragraph into a summary's 招商 section as the admin, once it is in what exports print; the admin's page stays open. */
const writeInto = async (id: string, text: string) => {
  const client = clients.track(connect(server, id, admin))
  await synced(client)
  writeParagraph(client.doc, 'investment', text)
  await waitFor(async () => (await exportText(id)).text.includes(text))
  return client
}
const auditActions = async () => (await api<Array<{ action: string; detail: string }>>(server, '/api/audit', { token: admin })).body

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
})

afterAll(async () => {
  clients.destroyAll()
  await server.close()
})

describe('回收站', () => {
  it('moves a deleted summary out of every list and closes its pages, and restores it with every word', async () => {
    const id = await newSummary('回收站测试园区')
    const writer = await writeInto(id, '全年新签项目二十个，留在回收站里也不能丢。')

    const invest = await login(server, 'invest')
    expect((await api(server, `/api/summaries/${id}`, { token: invest, method: 'DELETE' })).status).toBe(403)
    const deleted = await api<Summary>(server, `/api/summaries/${id}`, { token: admin, method: 'DELETE' })
    expect(deleted.status).toBe(200)
    expect(deleted.body).toMatchObject({ id, deletedBy: '系统管理员', deletedAt: expect.any(Number) })

    // The open page is told why it stops, and nobody reaches the summary any more.
    await waitFor(() => writer.closes.length > 0, 5000, 'the open connection to close')
    expect(writer.closes[0]).toEqual({ code: 4403, reason: 'summary-deleted' })
    expect(await listed()).not.toContain(id)
    expect(await listed('?archived=1')).not.toContain(id)
    for (const path of [`/api/summaries/${id}`, `/api/summaries/${id}/export?format=txt`, `/api/summaries/${id}/progress`, `/api/summaries/${id}/versions`]) {
      const answer = await api<{ error: { code: string; message: string } }>(server, path, { token: admin })
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'summary-deleted'])
      expect(answer.body.error.message).toContain('回收站')
    }
    expect((await api(server, `/api/summaries/${id}/sections`, { token: admin, body: { title: '新章节', level: 1, departmentId: 'x' } })).status).toBe(404)
    const late = clients.track(connect(server, id, invest))
    await waitFor(() => late.closes.length > 0, 5000, 'a new connection to be refused')
    expect(late.closes[0]).toEqual({ code: 4403, reason: 'summary-deleted' })

    // Only the admin sees the 回收站.
    expect((await api(server, '/api/summaries?deleted=1', { token: invest })).status).toBe(403)
    const trash = (await api<Summary[]>(server, '/api/summaries?deleted=1', { token: admin })).body
    expect(trash.map((summary) => summary.id)).toContain(id)

    expect((await api(server, `/api/summaries/${id}/restore`, { token: invest, method: 'POST' })).status).toBe(403)
    const restored = await api<Summary>(server, `/api/summaries/${id}/restore`, { token: admin, method: 'POST' })
    expect(restored.status).toBe(200)
    expect(restored.body.deletedAt).toBeUndefined()
    expect(await listed()).toContain(id)
    expect(await listed('?deleted=1')).not.toContain(id)
    const reader = clients.track(connect(server, id, invest))
    await synced(reader)
    expect(sectionText(reader.doc, 'investment')).toContain('全年新签项目二十个，留在回收站里也不能丢。')

    const journal = (await api<Array<{ detail: string }>>(server, `/api/summaries/${id}/journal`, { token: admin })).body.map((entry) => entry.detail)
    expect(journal.slice(0, 2)).toEqual(['从回收站恢复', '移入回收站'])
    expect((await auditActions()).slice(0, 2).map((entry) => entry.action)).toEqual(['summary-restore', 'summary-delete'])
  })

  it('closes a page that opens in the very moment its summary moves to the 回收站, at once', async () => {
    // The page's connection and the move race each other: whichever comes first, the page is
    // told within a moment, not at the next heartbeat 30 s later. (With PostgreSQL, whose reads
    // yield while the connection opens, the move used to slip in between; SQLite's do not.)
    for (let round = 0; round < 20; round++) {
      const id = await newSummary(`同时删除园区${round}`)
      const page = clients.track(connect(server, id, admin))
      await new Promise((resolve) => setTimeout(resolve, round % 5))
      expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'DELETE' })).status).toBe(200)
      await waitFor(() => page.closes.length > 0, 3000, `round ${round}: the page to be closed`)
      expect(page.closes[0]).toEqual({ code: 4403, reason: 'summary-deleted' })
    }
  })

  it('deletes for good only from the 回收站, and leaves every other summary as it was', async () => {
    const kept = await newSummary('保留园区')
    const doomed = await newSummary('误建园区')
    await api(server, `/api/summaries/${doomed}/versions`, { token: admin, body: { name: '初稿' } })

    const early = await api<{ error: { code: string } }>(server, `/api/summaries/${doomed}?permanent=1`, { token: admin, method: 'DELETE' })
    expect([early.status, early.body.error.code]).toEqual([409, 'not-deleted'])
    expect(await listed()).toContain(doomed)

    await api(server, `/api/summaries/${doomed}`, { token: admin, method: 'DELETE' })
    const invest = await login(server, 'invest')
    expect((await api(server, `/api/summaries/${doomed}?permanent=1`, { token: invest, method: 'DELETE' })).status).toBe(403)
    const purged = await api(server, `/api/summaries/${doomed}?permanent=1`, { token: admin, method: 'DELETE' })
    expect(purged).toEqual({ status: 200, body: { id: doomed, purged: true } })

    expect(await listed('?deleted=1')).not.toContain(doomed)
    const gone = await api<{ error: { code: string } }>(server, `/api/summaries/${doomed}`, { token: admin })
    expect([gone.status, gone.body.error.code]).toEqual([404, 'unknown-summary'])
    expect((await api(server, `/api/summaries/${doomed}/restore`, { token: admin, method: 'POST' })).status).toBe(404)
    expect((await auditActions())[0]).toMatchObject({ action: 'summary-purge', detail: expect.stringContaining('误建园区') })

    const other = clients.track(connect(server, kept, admin))
    await synced(other)
    expect((await exportText(kept)).status).toBe(200)
  })
})

describe('删除模板', () => {
  it('deletes a template the office added, never a built-in one, and summaries built from it keep working', async () => {
    const template = (await api<Record<string, unknown>>(server, '/api/templates/park-annual', { token: admin })).body
    const custom = { ...template, id: 'park-custom', title: '{organisation}{year}年度工作总结（自定义）' }
    expect((await api(server, '/api/templates', { token: admin, body: custom })).status).toBe(201)
    const built = (await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-custom', year: 2026, organisation: '自定义园区' } })).body.id

    const invest = await login(server, 'invest')
    expect((await api(server, '/api/templates/park-custom', { token: invest, method: 'DELETE' })).status).toBe(403)
    const builtin = await api<{ error: { code: string } }>(server, '/api/templates/park-annual', { token: admin, method: 'DELETE' })
    expect([builtin.status, builtin.body.error.code]).toEqual([409, 'template-builtin'])
    expect((await api(server, '/api/templates/no-such-template', { token: admin, method: 'DELETE' })).status).toBe(404)

    expect(await api(server, '/api/templates/park-custom', { token: admin, method: 'DELETE' })).toEqual({ status: 200, body: { id: 'park-custom', deleted: true } })
    const ids = (await api<Array<{ id: string }>>(server, '/api/templates', { token: admin })).body.map((entry) => entry.id)
    expect(ids).not.toContain('park-custom')
    expect(ids).toContain('park-annual')
    expect((await auditActions())[0]).toMatchObject({ action: 'template-delete', detail: expect.stringContaining('park-custom') })

    // The summary keeps its outline and exports; only 按模板补全章节 has nothing to read.
    expect((await exportText(built)).text).toContain('自定义园区')
    const apply = await api<{ error: { message: string } }>(server, `/api/summaries/${built}/apply-template`, { token: admin, body: {} })
    expect(apply.status).toBe(404)
    expect(apply.body.error.message).toContain('park-custom')
  })
})

describe('删除部门', () => {
  it('deletes a department brought in by mistake once nothing belongs to it, and names what still does', async () => {
    const departments = async () => (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const remove = (id: string, token = admin) => api<{ error: { code: string; message: string } }>(server, `/api/departments/${id}`, { token, method: 'DELETE' })
    // A school template used in the park by mistake brings the school's offices along.
    const school = (await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'school-year-end', year: 2026, organisation: '误用模板园区' } })).body.id
    const teaching = (await departments()).find((department) => department.name === '教务处')!
    expect((await remove(teaching.id, await login(server, 'invest'))).status).toBe(403)
    expect((await remove('no-such-department')).status).toBe(404)
    const inUse = await remove(teaching.id)
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'department-in-use'])
    expect(inUse.body.error.message).toContain('“误用模板园区2026年工作总结”的章节 教育教学质量稳步提升')
    // In the 回收站 the summary still holds it (it can be restored); purged, it does not.
    await api(server, `/api/summaries/${school}`, { token: admin, method: 'DELETE' })
    expect((await remove(teaching.id)).body.error.message).toContain('回收站中的“误用模板园区2026年工作总结”')
    await api(server, `/api/summaries/${school}?permanent=1`, { token: admin, method: 'DELETE' })
    expect(await remove(teaching.id)).toEqual({ status: 200, body: { id: teaching.id, deleted: true } })
    expect((await departments()).map((department) => department.name)).not.toContain('教务处')
    expect((await auditActions())[0]).toMatchObject({ action: 'department-delete', detail: '删除部门“教务处”' })

    // A department with people keeps them until they move.
    const invest = (await departments()).find((department) => department.name === '招商部')!
    const withPeople = await remove(invest.id)
    expect(withPeople.status).toBe(409)
    expect(withPeople.body.error.message).toContain('人员 张招商')
  })
})

describe('在所有总结中查找', () => {
  it('finds a phrase in every summary in use, archived ones too, not in the 回收站, with the text around it', async () => {
    const search = (q: string) => api<{ query: string; hits: Array<{ summaryId: string; title: string; sectionId: string; heading: string; before: string; match: string; after: string }>; truncated: boolean; error?: { code: string } }>(server, `/api/search?q=${encodeURIComponent(q)}`, { token: admin })
    const lastYear = await newSummary('查找测试园区')
    const thisYear = await newSummary('查找测试二园区')
    const trashed = await newSummary('查找测试三园区')
    for (const [id, text] of [[lastYear, '持续优化营商环境，推行EPC总承包。'], [thisYear, '营商环境评价位居全县第一。'], [trashed, '回收站里的营商环境不该被找到。']] as const) await writeInto(id, text)
    await api(server, `/api/summaries/${lastYear}`, { token: admin, method: 'PATCH', body: { archived: true } })
    await api(server, `/api/summaries/${trashed}`, { token: admin, method: 'DELETE' })

    const found = (await search('营商环境')).body
    const ours = found.hits.filter((hit) => [lastYear, thisYear, trashed].includes(hit.summaryId))
    expect(ours.map((hit) => hit.summaryId).sort()).toEqual([lastYear, thisYear].sort())
    expect(ours.find((hit) => hit.summaryId === thisYear)).toMatchObject({ sectionId: 'investment', heading: '（二）招商引资取得新突破', match: '营商环境', after: '评价位居全县第一。' })
    // Latin letters whatever their case; anyone signed in may search.
    const latin = await api<{ hits: Array<{ match: string }> }>(server, `/api/search?q=${encodeURIComponent('epc总承包')}`, { token: await login(server, 'viewer') })
    expect(latin.body.hits.map((hit) => hit.match)).toEqual(['EPC总承包'])
    // Headings too, as numbered: what last year's summary titled a line of work is looked for first.
    const headed = (await search('招商引资取得')).body.hits.filter((hit) => hit.summaryId === thisYear)
    expect(headed).toEqual([expect.objectContaining({ sectionId: 'investment', heading: '（二）招商引资取得新突破', before: '（二）', match: '招商引资取得', after: '新突破', inHeading: true })])
    expect((await search('营')).status).toBe(400)
    expect((await api(server, '/api/search?q=营商环境')).status).toBe(401)
  })
})

describe('复制总结', () => {
  it('copies a summary, text and figures, as a new one whose sections are written again and which has no comments', async () => {
    const source = await newSummary('复制测试园区')
    await writeInto(source, '原稿里写下的一句话。')
    await api(server, `/api/summaries/${source}/comments`, { token: admin, body: { sectionId: 'investment', wholeSection: true, text: '这条意见留在原稿' } })
    await api(server, `/api/summaries/${source}/sections/investment`, { token: admin, method: 'PATCH', body: { status: 'review' } })

    expect((await api(server, `/api/summaries/${source}/copy`, { token: await login(server, 'invest'), body: {} })).status).toBe(403)
    expect((await api(server, '/api/summaries/no-such/copy', { token: admin, body: {} })).status).toBe(404)
    const copied = await api<{ id: string; title: string }>(server, `/api/summaries/${source}/copy`, { token: admin, body: { title: '复制测试园区2026年度工作总结（讲话稿）' } })
    expect(copied.status).toBe(201)
    expect((await exportText(copied.body.id)).text).toContain('原稿里写下的一句话。')
    const detail = await api<{ title: string; sections: Array<{ id: string; status: string }> }>(server, `/api/summaries/${copied.body.id}`, { token: admin })
    expect(detail.body.title).toBe('复制测试园区2026年度工作总结（讲话稿）')
    expect(detail.body.sections.every((section) => section.status === 'drafting')).toBe(true)
    expect((await api<unknown[]>(server, `/api/summaries/${copied.body.id}/comments`, { token: admin })).body).toEqual([])
    // The original is as it was, and the copy goes its own way.
    expect((await api<unknown[]>(server, `/api/summaries/${source}/comments`, { token: admin })).body).toHaveLength(1)
    await writeInto(copied.body.id, '只在副本里的一句。')
    expect((await exportText(source)).text).not.toContain('只在副本里的一句')
    expect((await api<{ title: string }>(server, `/api/summaries/${source}/copy`, { token: admin, body: {} })).body.title).toBe('复制测试园区2026年度工作总结（副本）')
  })
})

