import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOutline } from '../../shared/doc/outline.js'
import { api, connect, demoSummaryId, login, startTestServer, synced, waitFor, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let admin: string
let reader: TestClient

interface Person {
  id: string
  username: string
  displayName: string
  departmentId: string | null
}

const name = (sectionId: string, userId: string | null, token: string) =>
  api<{ writer?: { id: string; name: string }; error?: { code: string; message: string } }>(server, `/api/summaries/${summaryId}/sections/${sectionId}/writer`, { token, method: 'PUT', body: { userId } })
const writerIn = (sectionId: string) => readOutline(reader.doc).find((entry) => entry.id === sectionId)?.writer
let people: Person[]
const person = (username: string) => people.find((candidate) => candidate.username === username)!

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
  people = (await api<Person[]>(server, '/api/users', { token: admin })).body
  reader = connect(server, summaryId, await login(server, 'viewer'))
  await synced(reader)
})

afterAll(async () => {
  reader.destroy()
  await server.close()
})

describe('执笔人 of a section', () => {
  it('lists who in a department may be named', async () => {
    const writer = await login(server, 'safety')
    const invest = person('invest').departmentId!
    const listed = await api<Array<{ id: string; displayName: string }>>(server, `/api/departments/${invest}/writers`, { token: writer })
    expect(listed.body.map((member) => member.displayName).sort()).toEqual(['张招商', '陈招商'].sort())
    expect((await api(server, '/api/departments/nope/writers', { token: writer })).status).toBe(404)
  })

  it('is named by a writer of the department, live for everyone, in the 操作记录, progress and 任务分工表', async () => {
    const invest = await login(server, 'invest')
    const named = await name('investment-channels', person('invest2').id, invest)
    expect(named.status).toBe(200)
    expect(named.body.writer).toEqual({ id: person('invest2').id, name: '陈招商' })
    await waitFor(() => writerIn('investment-channels')?.name === '陈招商', 5000, 'the writer in the reader’s doc')
    const journal = await api<Array<{ detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: admin })
    expect(journal.body[0]!.detail).toBe('“1.拓宽招商渠道”执笔人：陈招商')
    const progress = await api<{ sections: Array<{ id: string; writer: string | null }> }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })
    expect(progress.body.sections.find((section) => section.id === 'investment-channels')!.writer).toBe('陈招商')
    expect(progress.body.sections.find((section) => section.id === 'investment-service')!.writer).toBeNull()
    const sheet = new ExcelJS.Workbook()
    await sheet.xlsx.load(await (await fetch(`${server.url}/api/summaries/${summaryId}/assignments`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer())
    const rows = sheet.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1))
    expect(rows.find((row) => row.includes('执笔人'))).toBeTruthy()
    expect(rows.find((row) => row[1] === '1.拓宽招商渠道')?.[8]).toBe('陈招商')
  })

  it('is named only by the admin or the department’s writers, and only from that department', async () => {
    for (const username of ['safety', 'leader', 'viewer']) expect((await name('investment-service', person('invest').id, await login(server, username))).status).toBe(403)
    const invest = await login(server, 'invest')
    const outsider = await name('investment-service', person('safety').id, invest)
    expect(outsider.status).toBe(400)
    expect(outsider.body.error).toMatchObject({ code: 'invalid-writer', message: '执笔人应为招商部的撰写人' })
    expect((await name('investment-service', 'nobody', invest)).status).toBe(400)
    expect((await name('investment-service', person('leader').id, admin)).status).toBe(400)
    expect((await name('nope', person('invest').id, invest)).status).toBe(404)
    // A disabled account is no one to name.
    expect((await api(server, `/api/users/${person('invest2').id}`, { token: admin, method: 'PATCH', body: { disabled: true } })).status).toBe(200)
    expect((await name('investment-service', person('invest2').id, admin)).status).toBe(400)
    expect((await api(server, `/api/users/${person('invest2').id}`, { token: admin, method: 'PATCH', body: { disabled: false } })).status).toBe(200)
    expect(writerIn('investment-service')).toBeUndefined()
  })

  it('stays as it was once the section is final, unless the admin corrects it', async () => {
    const invest = await login(server, 'invest')
    const status = (next: string, token: string, reason?: string) =>
      api(server, `/api/summaries/${summaryId}/sections/investment-channels`, { token, method: 'PATCH', body: { status: next, ...(reason ? { reason } : {}) } })
    expect((await name('investment-channels', person('invest').id, invest)).status).toBe(200)
    expect((await status('review', invest)).status).toBe(200)
    expect((await status('final', admin)).status).toBe(200)
    const refused = await name('investment-channels', person('invest2').id, invest)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: '本节已定稿，执笔人只能由管理员更改' })
    expect(writerIn('investment-channels')?.name).toBe('张招商')
    expect((await name('investment-channels', person('invest2').id, admin)).status).toBe(200)
    await waitFor(() => writerIn('investment-channels')?.name === '陈招商', 5000, 'the admin’s correction')
    expect((await status('drafting', admin)).status).toBe(200)
  })

  it('goes when the name is taken away or the section moves to another department', async () => {
    const invest = await login(server, 'invest')
    expect((await name('investment-service', person('invest').id, invest)).body.writer?.name).toBe('张招商')
    expect((await name('investment-service', null, invest)).body.writer).toBeUndefined()
    await waitFor(() => writerIn('investment-service') === undefined, 5000, 'the writer gone')
    expect((await name('investment-service', person('invest').id, admin)).status).toBe(200)
    const moved = await api(server, `/api/summaries/${summaryId}/sections/investment-service`, { token: admin, method: 'PATCH', body: { departmentId: person('safety').departmentId } })
    expect(moved.status).toBe(200)
    await waitFor(() => writerIn('investment-service') === undefined, 5000, 'the writer gone with the department')
  })

  it('follows the person: a new name, a disabled account kept, a move to another department or role taking the name away', async () => {
    const patchUser = (username: string, body: object) => api(server, `/api/users/${person(username).id}`, { token: admin, method: 'PATCH', body })
    expect((await name('investment-channels', person('invest2').id, admin)).status).toBe(200)
    expect((await patchUser('invest2', { displayName: '陈晓招' })).status).toBe(200)
    await waitFor(() => writerIn('investment-channels')?.name === '陈晓招', 5000, 'the new name')

    expect((await patchUser('invest2', { disabled: true })).status).toBe(200)
    expect(writerIn('investment-channels')).toEqual({ id: person('invest2').id, name: '陈晓招' })
    expect((await patchUser('invest2', { disabled: false })).status).toBe(200)

    expect((await patchUser('invest2', { departmentId: person('safety').departmentId })).status).toBe(200)
    await waitFor(() => writerIn('investment-channels') === undefined, 5000, 'the name gone with the person')
    const journal = await api<Array<{ detail: string; sectionId: string | null }>>(server, `/api/summaries/${summaryId}/journal`, { token: admin })
    expect(journal.body[0]).toMatchObject({ sectionId: 'investment-channels', detail: '“1.拓宽招商渠道”不再指定执笔人（陈晓招已不是本节所属部门的撰写人）' })

    expect((await patchUser('invest2', { departmentId: person('invest').departmentId })).status).toBe(200)
    expect((await name('investment-channels', person('invest2').id, admin)).status).toBe(200)
    expect((await patchUser('invest2', { role: 'viewer', departmentId: null })).status).toBe(200)
    await waitFor(() => writerIn('investment-channels') === undefined, 5000, 'the name gone with the role')
    expect((await patchUser('invest2', { role: 'editor', departmentId: person('invest').departmentId, displayName: '陈招商' })).status).toBe(200)
  })
})
