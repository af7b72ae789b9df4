/**
 * Every route is authorised on the server, whatever the page shows: a viewer (只读) who sends
 * every request the app knows, with real ids and well-formed bodies, changes nothing. The routes
 * come from the app's own list, so a route added later without its check fails here.
 */
import { describe, expect, it } from 'vitest'
import { anchorsFor, api, demoSummaryId, login, sectionText, waitFor, writeParagraph, useTestServer } from './harness.js'

const suite = useTestServer()

/** What the viewer may do to themself: sign out, their password, their sessions, what they have read. */
const OWN = ['POST /api/logout', 'POST /api/me/password', 'DELETE /api/me/sessions', 'DELETE /api/me/sessions/:id', 'POST /api/summaries/:id/read']

describe('authorisation of every route', () => {
  it('lets a viewer change nothing through any route: 403 everywhere, and everything as it was', async () => {
    const { server, clients } = suite
    const admin = await login(server, 'admin')
    const viewer = await login(server, 'viewer')
    const summaryId = await demoSummaryId(server, admin)
    const page = await clients.open(server, summaryId, admin)
    writeParagraph(page.doc, 'investment', '全年新签工业项目二十个。')
    await waitFor(() => sectionText(page.doc, 'investment').includes('二十个'))
    const anchors = () => anchorsFor(page.doc, 'investment', '新签工业项目')
    const base = `/api/summaries/${summaryId}`
    const thread = (await api<{ id: string }>(server, `${base}/comments`, { token: admin, body: { sectionId: 'investment', ...anchors(), quote: '新签工业项目', text: '请补充同比', suggestion: '新签工业项目（同比增长）' } })).body
    const reply = (await api<{ id: string }>(server, `${base}/comments/${thread.id}/replies`, { token: admin, body: { text: '已补充' } })).body
    const version = (await api<{ id: string }>(server, `${base}/versions`, { token: admin, body: { name: '初稿' } })).body
    const department = (await api<Array<{ id: string }>>(server, '/api/departments', { token: admin })).body[0]!
    const ids: Record<string, string> = { id: summaryId, sectionId: 'investment', threadId: thread.id, replyId: reply.id, versionId: version.id, key: 'agreed_funds' }
    // Ids of other things where a route's :id is not a summary's.
    const otherIds: Record<string, string> = { '/api/departments/:id': department.id, '/api/templates/:id': 'park-annual', '/api/users/:id': (await api<{ id: string }>(server, '/api/me', { token: admin })).body.id }
    const bodies: Record<string, unknown> = {
      'POST /api/summaries': { templateId: 'park-annual', year: 2027, organisation: '查看者园区' },
      'PATCH /api/summaries/:id': { title: '查看者改的标题' },
      'POST /api/summaries/:id/comments': { sectionId: 'investment', ...anchors(), quote: '新签工业项目', text: '看过' },
      'PATCH /api/summaries/:id/comments/:threadId': { text: '改' },
      'POST /api/summaries/:id/comments/:threadId/replies': { text: '看过' },
      'PATCH /api/summaries/:id/comments/:threadId/replies/:replyId': { text: '改' },
      'POST /api/summaries/:id/sections': { title: '新章节', departmentId: department.id, level: 1 },
      'PATCH /api/summaries/:id/sections/:sectionId': { title: '查看者改的标题', status: 'review' },
      'PUT /api/summaries/:id/sections/:sectionId/writer': { userId: null },
      'POST /api/summaries/:id/sections/:sectionId/restore': { versionId: version.id },
      'POST /api/summaries/:id/versions': { name: '查看者的版本' },
      'PUT /api/summaries/:id/indicators': { values: [{ key: 'agreed_funds', value: 1 }] },
      'PATCH /api/summaries/:id/indicators/:key': { value: 1 },
      'POST /api/departments': { name: '查看者的部门' },
      'PATCH /api/departments/:id': { name: '改名' },
      'POST /api/users': { username: 'intruder', password: 'intruder-password-1', displayName: '闯入者', role: 'admin' },
      'PATCH /api/users/:id': { role: 'viewer' },
    }
    // What anyone could see change: the text, the outline and its states, versions, the lists, the directory.
    const everything = () =>
      Promise.all(
        [`${base}/export?format=md`, base, `${base}/versions`, `${base}/indicators`, '/api/summaries', '/api/users', '/api/departments', '/api/templates'].map(async (path) =>
          (await fetch(server.url + path, { headers: { authorization: `Bearer ${admin}` } })).text(),
        ),
      )
    const before = await everything()
    const threadsBefore = JSON.stringify(page.doc.getMap('comments').toJSON())

    const changing = server.routes.filter(({ method, path }) => method !== 'GET' && path.startsWith('/api/') && path !== '/api/login' && !OWN.includes(`${method} ${path}`))
    expect(changing.length).toBeGreaterThan(40)
    const answers: string[] = []
    // Well-formed bodies, and a broken one: the role is checked before the body is read, so a
    // viewer learns nothing about what a route would accept.
    for (const broken of [false, true])
      for (const { method, path } of changing) {
        const url = server.url + path.replace(/:([A-Za-z]+)/g, (_, name: string) => otherIds[path] ?? ids[name] ?? 'x')
        const body = broken ? '{"' : JSON.stringify(bodies[`${method} ${path}`] ?? {})
        const response = await fetch(url, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}` }, body })
        answers.push(`${method} ${path}${broken ? ' (broken body)' : ''} ${response.status}`)
      }
    expect(answers).toEqual([false, true].flatMap((broken) => changing.map(({ method, path }) => `${method} ${path}${broken ? ' (broken body)' : ''} 403`)))

    expect(await everything()).toEqual(before)
    expect(JSON.stringify(page.doc.getMap('comments').toJSON())).toBe(threadsBefore)
  })
})
