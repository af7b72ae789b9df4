import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMeta } from '../../shared/doc/outline.js'
import { api, connect, demoSummaryId, login, startTestServer, synced, waitFor, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let admin: string
let reader: TestClient

interface Progress {
  dueDate: string | null
  overall: { overdue: number }
  sections: Array<{ id: string; status: string; overdue: boolean }>
  departments: Array<{ name: string; overdue: number; drafting: number }>
}

const progress = async () => (await api<Progress>(server, `/api/summaries/${summaryId}/progress`, { token: admin })).body
const setDueDate = (dueDate: unknown, token = admin) => api<{ error?: { code: string; message: string }; dueDate?: string }>(server, `/api/summaries/${summaryId}`, { token, method: 'PATCH', body: { dueDate } })

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
  reader = connect(server, summaryId, await login(server, 'viewer'))
  await synced(reader)
  // 招商部 hands one of its sections in.
  const invest = await login(server, 'invest')
  expect((await api(server, `/api/summaries/${summaryId}/sections/investment-channels`, { token: invest, method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
})

afterAll(async () => {
  reader.destroy()
  await server.close()
})

describe('the deadline (截止日期)', () => {
  it('is set by the admin and reaches every open editor at once', async () => {
    const answer = await setDueDate('2026-12-10')
    expect(answer.status).toBe(200)
    expect(answer.body.dueDate).toBe('2026-12-10')
    await waitFor(() => readMeta(reader.doc).dueDate === '2026-12-10', 5000, 'the deadline in the reader’s doc')
    expect((await api<{ dueDate?: string }>(server, `/api/summaries/${summaryId}`, { token: admin })).body.dueDate).toBe('2026-12-10')
  })

  it('refuses a day that does not exist and anyone but the admin, changing nothing', async () => {
    const bad = await setDueDate('2026-02-30')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('截止日期应为 YYYY-MM-DD 格式的有效日期')
    expect((await setDueDate('2020-01-01', await login(server, 'invest'))).status).toBe(403)
    expect((await setDueDate('2020-01-01', await login(server, 'leader'))).status).toBe(403)
    expect((await progress()).dueDate).toBe('2026-12-10')
  })

  it('makes sections still being written overdue once it has passed, not those handed in', async () => {
    await setDueDate('2020-01-01')
    const past = await progress()
    expect(past.dueDate).toBe('2020-01-01')
    const drafting = past.sections.filter((section) => section.status === 'drafting')
    expect(drafting.length).toBeGreaterThan(5)
    expect(drafting.every((section) => section.overdue)).toBe(true)
    expect(past.sections.find((section) => section.id === 'investment-channels')).toMatchObject({ status: 'review', overdue: false })
    expect(past.overall.overdue).toBe(drafting.length)
    const invest = past.departments.find((department) => department.name === '招商部')!
    expect(invest.overdue).toBe(invest.drafting)

    await setDueDate('2999-12-31')
    expect((await progress()).overall.overdue).toBe(0)
  })

  it('is cleared with null', async () => {
    expect((await setDueDate(null)).status).toBe(200)
    await waitFor(() => readMeta(reader.doc).dueDate === undefined, 5000, 'the deadline to leave the reader’s doc')
    expect((await progress()).dueDate).toBeNull()
  })

  it('can be given when the summary is created', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '青山工业园区管理委员会', dueDate: '2027-12-08' } })
    expect(created.status).toBe(201)
    expect((await api<Progress>(server, `/api/summaries/${created.body.id}/progress`, { token: admin })).body.dueDate).toBe('2027-12-08')
    const refused = await api(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '青山工业园区管理委员会', dueDate: '12月8日' } })
    expect(refused.status).toBe(400)
  })
})

describe('the task table (任务分工表)', () => {
  it('lists every section with its department, hint, word target, figures, deadline and status', async () => {
    await setDueDate('2026-12-10')
    const response = await fetch(`${server.url}/api/summaries/${summaryId}/assignments`, { headers: { authorization: `Bearer ${await login(server, 'viewer')}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('青山工业园区管理委员会2026年度工作总结任务分工表.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    const rows = sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []))
    // The title spans the table (a merged row).
    expect(rows[0]![0]).toBe('青山工业园区管理委员会2026年度工作总结任务分工表')
    expect(sheet.getCell('H1').master.address).toBe('A1')
    expect(rows[1]).toEqual(['序号', '章节', '撰写部门', '写作提示', '字数要求', '涉及指标', '截止日期', '当前状态', '执笔人'])
    const sections = (await api<{ sections: unknown[] }>(server, `/api/summaries/${summaryId}`, { token: admin })).body.sections
    expect(rows.length).toBe(2 + sections.length)
    expect(rows.find((row) => row[1] === '（二）招商引资取得新突破')).toEqual([
      expect.any(Number),
      '（二）招商引资取得新突破',
      '招商部',
      '新签项目、协议资金、到位资金，列出重点项目名称',
      500,
      '新签工业项目、协议资金、到位资金',
      '2026年12月10日',
      '撰写中',
      '', // no 执笔人 named
    ])
    expect(rows.find((row) => row[1] === '1.拓宽招商渠道')?.[7]).toBe('待审核')
  })

  it('answers 404 for a summary that does not exist', async () => {
    expect((await api(server, '/api/summaries/nope/assignments', { token: admin })).status).toBe(404)
  })
})

describe('全文字数上限', () => {
  it('is set by the admin, live in every open doc, and named in the progress report and the export checks', async () => {
    const setLimit = (wordLimit: unknown, token = admin) => api<{ wordLimit?: number; error?: { message: string } }>(server, `/api/summaries/${summaryId}`, { token, method: 'PATCH', body: { wordLimit } })
    expect((await setLimit(3000, await login(server, 'office'))).status).toBe(403)
    const tooSmall = await setLimit(50)
    expect(tooSmall.status).toBe(400)
    expect(tooSmall.body.error!.message).toBe('输入有误：wordLimit：不能小于 100')
    expect((await setLimit(2.5)).status).toBe(400)

    const set = await setLimit(100)
    expect(set.status).toBe(200)
    expect(set.body.wordLimit).toBe(100)
    await waitFor(() => readMeta(reader.doc).wordLimit === 100, 5000, 'the limit in the reader’s doc')
    expect((await api<{ wordLimit?: number }>(server, `/api/summaries/${summaryId}`, { token: admin })).body.wordLimit).toBe(100)
    const report = (await api<{ wordLimit: number | null; overall: { words: number } }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })).body
    expect(report.wordLimit).toBe(100)
    // The demo summary's seeded sentences and tables are longer than 100 字.
    const { checks } = (await api<{ checks: Array<{ kind: string; message: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body
    expect(checks.filter((check) => check.kind === 'length')).toEqual([{ kind: 'length', message: `全文 ${report.overall.words} 字，超过要求的 100 字（多 ${report.overall.words - 100} 字），请压缩` }])
    const journal = await api<Array<{ detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: admin })
    expect(journal.body[0]!.detail).toBe('全文字数上限设为 100 字')

    expect((await setLimit(null)).status).toBe(200)
    await waitFor(() => readMeta(reader.doc).wordLimit === undefined, 5000, 'the limit gone from the reader’s doc')
    expect((await api<{ wordLimit: number | null }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })).body.wordLimit).toBeNull()
  })
})

