import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { api, connect, demoSummaryId, login, startTestServer, synced, waitFor, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
const tokens: Record<string, string> = {}
let watcher: TestClient

const figure = (doc: Y.Doc, key: string) => doc.getMap<IndicatorData>('indicators').get(key)!

const put = (token: string, body: BodyInit, type: string) =>
  fetch(`${server.url}/api/summaries/${summaryId}/indicators`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body })

/** A file as the panel sends it: a multipart `file` field, as the admin. */
const sendFile = (bytes: BlobPart, name: string) => {
  const form = new FormData()
  form.append('file', new Blob([bytes]), name)
  return fetch(`${server.url}/api/summaries/${summaryId}/indicators`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}` }, body: form })
}

/** Uploads `workbook` as the admin; once an open editor's doc has every figure in `expected`, each is as expected. */
const importWorkbook = async (workbook: ExcelJS.Workbook, name: string, expected: Record<string, Partial<IndicatorData>>) => {
  const response = await sendFile(await workbook.xlsx.writeBuffer(), name)
  expect(response.status).toBe(200)
  const arrived = () => Object.entries(expected).every(([key, fields]) => Object.entries(fields).every(([field, value]) => figure(watcher.doc, key)[field as keyof IndicatorData] === value))
  await waitFor(arrived)
  for (const [key, fields] of Object.entries(expected)) expect(figure(watcher.doc, key)).toMatchObject(fields)
}

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['admin', 'invest', 'safety', 'leader']) tokens[username] = await login(server, username)
  summaryId = await demoSummaryId(server, tokens.admin!)
  watcher = connect(server, summaryId, tokens.leader!)
  await synced(watcher)
})

afterAll(async () => {
  watcher.destroy()
  await server.close()
})

describe('indicator figures', () => {
  it('seeds sections that list indicators with live indicator nodes', () => {
    const investment = watcher.doc.getXmlFragment('section:investment').toString()
    expect(investment).toContain('<indicator key="new_projects" show="value"></indicator>')
    const table = watcher.doc.getXmlFragment('section:investment').get(1) as Y.XmlElement
    expect(table.nodeName).toBe('indicatorTable')
    expect(table.getAttribute('keys')).toBe('new_projects,agreed_funds,arrived_funds')
    expect(watcher.doc.getXmlFragment('section:party').length).toBe(0)
  })

  it('applies JSON figures and every open editor sees them at once', async () => {
    const response = await put(tokens.admin!, JSON.stringify({ values: [{ key: 'agreed_funds', value: 6.1, previous: 4.3 }] }), 'application/json')
    expect(response.status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'agreed_funds').value === 6.1)
    expect(figure(watcher.doc, 'agreed_funds')).toMatchObject({ value: 6.1, previous: 4.3, target: 5, source: '系统管理员录入' })
  })

  it('applies a CSV upload from the department that owns the figures', async () => {
    const csv = 'key,value,previous,target\nsafety_agreements,48,41,\ninspections,32,,\n'
    const response = await put(tokens.safety!, csv, 'text/csv')
    expect(response.status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'safety_agreements').value === 48)
    expect(figure(watcher.doc, 'safety_agreements')).toMatchObject({ previous: 41, target: null })
    expect(figure(watcher.doc, 'inspections')).toMatchObject({ value: 32, previous: null })
  })

  it('changes nothing when any row is bad and names each row and column', async () => {
    const before = figure(watcher.doc, 'new_projects').value
    const csv = 'key,value,previous\nnew_projects,25,15\nagreed_funds,很多,4\nghost_key,1,\n'
    const response = await put(tokens.admin!, csv, 'text/csv')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string; details: Array<{ row: number; column: string }> } }
    expect(body.error.code).toBe('invalid-figures')
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: 'value' }), expect.objectContaining({ row: 4, column: 'key' })]))
    expect(body.error.message).toContain('第3行')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(figure(watcher.doc, 'new_projects').value).toBe(before)
  })

  it('refuses unknown keys with unknown-indicator', async () => {
    const response = await put(tokens.admin!, JSON.stringify({ values: [{ key: 'no_such_key', value: 1 }] }), 'application/json')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unknown-indicator')
  })

  it('lets editors set only their own department’s figures', async () => {
    const response = await put(tokens.invest!, JSON.stringify({ values: [{ key: 'new_projects', value: 21 }, { key: 'inspections', value: 1 }] }), 'application/json')
    expect(response.status).toBe(403)
    expect(figure(watcher.doc, 'inspections').value).toBe(32)
    expect((await put(tokens.leader!, JSON.stringify({ values: [{ key: 'new_projects', value: 21 }] }), 'application/json')).status).toBe(403)
  })

  it('reads a CSV saved by Excel in China (GBK, Chinese labels) and one with a UTF-8 BOM', async () => {
    const gbk = iconv.encode('key,label,value\r\nhazards_fixed,整改安全隐患,88\r\n', 'gbk')
    expect(gbk.includes(Buffer.from('整改', 'utf8'))).toBe(false) // really not UTF-8
    expect((await put(tokens.admin!, new Uint8Array(gbk), 'text/csv')).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'hazards_fixed').value === 88)
    expect((await put(tokens.admin!, '\uFEFFkey,value\nhazards_fixed,89\n', 'text/csv')).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'hazards_fixed').value === 89)
  })

  it('answers an empty file, a duplicate key and a file too large with clear errors, changing nothing', async () => {
    const empty = await put(tokens.admin!, '', 'text/csv')
    expect(empty.status).toBe(400)
    const duplicate = await put(tokens.admin!, 'key,value\nhazards_fixed,1\nhazards_fixed,2\n', 'text/csv')
    expect(((await duplicate.json()) as { error: { details: Array<{ row: number; message: string }> } }).error.details).toContainEqual(expect.objectContaining({ row: 3, message: '指标键“hazards_fixed”与第 2 行重复' }))
    const huge = await put(tokens.admin!, 'key,value\n' + 'hazards_fixed,1\n'.repeat(400_000), 'text/csv')
    expect(huge.status).toBe(413)
    expect(figure(watcher.doc, 'hazards_fixed').value).toBe(89)
  })

  it('answers a file over the limit sent as a form (streamed, as fetch sends one) with the message, not a broken connection', async () => {
    for (const [megabytes, code] of [[5.5, 'upload-too-large'], [30, 'payload-too-large']] as const) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(megabytes * 1024 * 1024).fill(65)]), '指标.xlsx')
      const response = await fetch(`${server.url}/api/summaries/${summaryId}/indicators`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}` }, body: form })
      expect(response.status).toBe(413)
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code, message: expect.stringMatching(/过大（上限 \d MB）/) })
    }
    expect(figure(watcher.doc, 'hazards_fixed').value).toBe(89)
  })

  it('answers a malformed form and an endless upload with clear errors, changing nothing', async () => {
    const form = await put(tokens.admin!, '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkey,value\r\nhazards_fixed,5', 'multipart/form-data; boundary=x')
    expect(form.status).toBe(400)
    expect(((await form.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid-upload', message: expect.stringContaining('无法解析') })
    // No content-length: the body is cut off while it streams in, not buffered whole.
    let sent = 0
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        sent += 1 << 16
        controller.enqueue(new TextEncoder().encode('hazards_fixed,1\n'.repeat(4096)))
        if (sent > 64 * 1024 * 1024) controller.close()
      },
    })
    const response = await fetch(`${server.url}/api/summaries/${summaryId}/indicators`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload-too-large')
    expect(sent).toBeLessThan(64 * 1024 * 1024)
    expect(figure(watcher.doc, 'hazards_fixed').value).toBe(89)
  })

  it('reads an .xlsx workbook sent as a multipart upload', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('指标')
    sheet.addRow(['key', 'label', 'value', 'previous', 'target'])
    sheet.addRow(['land_supplied', '完成供地', 300, 240, 280])
    sheet.addRow(['idle_land_cleared', '盘活闲置低效土地', { formula: '400+50', result: 450 }, null, null])
    await importWorkbook(workbook, '规划建设局指标.xlsx', { idle_land_cleared: { value: 450 }, land_supplied: { value: 300, previous: 240, target: 280, source: '系统管理员上传 规划建设局指标.xlsx' } })

    // A workbook that would unpack to more than 64 MB is refused before exceljs unpacks it; nothing changes.
    const refused = await sendFile(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(70 * 1024 * 1024) }, { level: 9 }), '指标.xlsx')
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('archive-too-large')
    expect(figure(watcher.doc, 'land_supplied').value).toBe(300)
  })

  it('reads a percentage as the sheet shows it, for a figure in % only, and numbers with thousands separators', async () => {
    const departmentId = figure(watcher.doc, 'land_supplied').departmentId
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.admin, body: { key: 'factory_occupancy', label: '标准厂房出租率', unit: '%', departmentId, precision: 1 } })).status).toBe(201)
    const workbook = (rows: Array<[string, number, string]>) => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('指标')
      sheet.addRow(['key', 'value'])
      for (const [key, value, format] of rows) sheet.addRow([key, value]).getCell(2).numFmt = format
      return book.xlsx.writeBuffer()
    }
    const upload = (bytes: ArrayBuffer) => sendFile(bytes, '指标.xlsx')
    // A percent-formatted cell holds 0.925 and shows 92.5%: the figure is 92.5, not 0.925.
    // The same format on a figure in 亿元 is a slip: the whole file is refused, naming it.
    const slip = await upload(await workbook([['factory_occupancy', 0.925, '0.0%'], ['agreed_funds', 0.15, '0%']]))
    expect(slip.status).toBe(400)
    const error = ((await slip.json()) as { error: { message: string; details: Array<{ row: number; key: string; message: string }> } }).error
    expect(error.details).toEqual([{ row: 3, column: 'value', key: 'agreed_funds', message: '本年数“15%”是百分数，而该指标的单位是“亿元”' }])
    expect(figure(watcher.doc, 'factory_occupancy').value).toBeNull()
    expect((await upload(await workbook([['factory_occupancy', 0.925, '0.0%'], ['land_supplied', 1002, '#,##0']]))).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'factory_occupancy').value === 92.5)
    // A % in quotes is only shown: 96.5 formatted 0.0"%" is 96.5.
    expect((await upload(await workbook([['factory_occupancy', 96.5, '0.0"%"']]))).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'factory_occupancy').value === 96.5)
    // Typed into a CSV: 93.1% and 1,050 as people write them.
    expect((await put(tokens.admin!, 'key,value,previous\nfactory_occupancy,93.1%,88%\nland_supplied,"1,050",\n', 'text/csv')).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'factory_occupancy').value === 93.1)
    expect(figure(watcher.doc, 'factory_occupancy').previous).toBe(88)
    expect(figure(watcher.doc, 'land_supplied').value).toBe(1050)
  })

  it('previews what a file would change with ?dryRun=1, changing nothing', async () => {
    const before = figure(watcher.doc, 'agreed_funds')
    const csv = `指标名称,本年,上年\n协议资金（万元）,${before.value! * 10000 * 12},${before.previous! * 10000}\n`
    const preview = await fetch(`${server.url}/api/summaries/${summaryId}/indicators?dryRun=1`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv' }, body: csv })
    expect(preview.status).toBe(200)
    const plan = (await preview.json()) as { dryRun: boolean; changes: Array<{ key: string; field: string; from: string; to: string; outlier?: string }>; converted: unknown[] }
    expect(plan.dryRun).toBe(true)
    // Only what differs; last year's number is the same once converted.
    expect(plan.changes).toEqual([
      expect.objectContaining({ key: 'agreed_funds', field: '本年', from: `${before.value}亿元`, to: `${Number((before.value! * 12).toFixed(1))}亿元`, outlier: expect.stringContaining('请核对数值和单位') }),
    ])
    expect(plan.converted).toEqual([{ key: 'agreed_funds', label: '协议资金', from: '万元', to: '亿元' }])
    expect(figure(watcher.doc, 'agreed_funds')).toMatchObject({ value: before.value, previous: before.previous, source: before.source })
    // A change the printed figure would not show is listed as the numbers are.
    const arrived = figure(watcher.doc, 'arrived_funds').value!
    const nudged = Number((arrived + 0.01).toFixed(2))
    const small = await fetch(`${server.url}/api/summaries/${summaryId}/indicators?dryRun=1`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv' }, body: `key,value\narrived_funds,${nudged}\n` })
    expect(((await small.json()) as { changes: unknown[] }).changes).toEqual([expect.objectContaining({ from: `${arrived}亿元`, to: `${nudged}亿元` })])
    // An editor's preview of another department's figures is refused as the import would be.
    const foreign = await fetch(`${server.url}/api/summaries/${summaryId}/indicators?dryRun=1`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.safety}`, 'content-type': 'text/csv' }, body: 'key,value\nagreed_funds,1\n' })
    expect(foreign.status).toBe(403)
  })

  it('answers a broken workbook and a wrong header with clear Chinese errors', async () => {
    const broken = await put(tokens.admin!, new Uint8Array([80, 75, 3, 4, 1, 2, 3]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: { message: string } }).error.message).toContain('Excel 文件无法读取')
    const header = await put(tokens.admin!, 'key,vaule\nnew_projects,1\n', 'text/csv')
    expect(header.status).toBe(400)
    expect(((await header.json()) as { error: { message: string } }).error.message).toContain('缺少“value”列')
    // An Excel 97–2003 file is named as such, with the way out.
    const xls = await sendFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '主要指标.xls')
    expect(xls.status).toBe(400)
    expect(((await xls.json()) as { error: { message: string } }).error.message).toBe('“主要指标.xls”是旧版 Excel 格式，请在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx）再上传')
    // The same bytes named .xlsx (renamed by hand), or an .xlsx with a password to open it, which is stored the same way.
    const renamed = await put(tokens.admin!, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(renamed.status).toBe(400)
    expect(((await renamed.json()) as { error: { message: string } }).error.message).toContain('或设置了打开密码')
  })

  it('offers a CSV template with every key that imports back unchanged', async () => {
    const response = await fetch(`${server.url}/api/summaries/${summaryId}/indicators/template.csv`, { headers: { authorization: `Bearer ${tokens.admin}` } })
    const csv = await response.text()
    expect(csv).toContain('key,label,unit,value,previous,target')
    expect(csv).toContain('agreed_funds,协议资金,亿元,6.1,4.3,5')
    expect((await put(tokens.admin!, csv, 'text/csv')).status).toBe(200)
    const listed = await api<Array<{ key: string; value: number | null }>>(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.leader })
    expect(listed.body.find((row) => row.key === 'agreed_funds')!.value).toBe(6.1)
  })

  it('lets the admin define a figure the template lacked, change it, and remove it once no section uses it', async () => {
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: tokens.admin })).body
    const invest = departments.find((department) => department.name === '招商部')!.id
    const define = (token: string, body: unknown) => api<{ key: string; error?: { code: string } }>(server, `/api/summaries/${summaryId}/indicators`, { token, body })
    const created = await define(tokens.admin!, { key: 'hightech_firms', label: '新认定高新技术企业', unit: '家', departmentId: invest })
    expect(created.status).toBe(201)
    await waitFor(() => watcher.doc.getMap('indicators').has('hightech_firms'), 5000, 'the new figure in an open editor')
    expect(figure(watcher.doc, 'hightech_firms')).toMatchObject({ label: '新认定高新技术企业', unit: '家', precision: 0, approx: false, value: null, departmentId: invest })
    // The writing department fills it in like any other.
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.invest, method: 'PUT', body: { values: [{ key: 'hightech_firms', value: 6 }] } })).status).toBe(200)

    expect((await define(tokens.admin!, { key: 'hightech_firms', label: '重复', unit: '家', departmentId: invest })).body.error?.code).toBe('indicator-exists')
    expect((await define(tokens.invest!, { key: 'other', label: '其他', unit: '家', departmentId: invest })).status).toBe(403)
    expect((await define(tokens.admin!, { key: 'bad key', label: '其他', unit: '家', departmentId: invest })).status).toBe(400)
    expect((await define(tokens.admin!, { key: 'other', label: '其他', unit: '家', departmentId: 'no-such-department' })).body.error?.code).toBe('unknown-department')

    const patch = (key: string, body: unknown, token = tokens.admin!) => api<{ error?: { code: string } }>(server, `/api/summaries/${summaryId}/indicators/${key}`, { token, method: 'PATCH', body })
    expect((await patch('hightech_firms', { label: '新认定国家高新技术企业', approx: '余' })).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'hightech_firms').label === '新认定国家高新技术企业', 5000, 'the new label')
    expect(figure(watcher.doc, 'hightech_firms')).toMatchObject({ value: 6, approx: '余', unit: '家' })
    expect((await patch('hightech_firms', {})).status).toBe(400)
    expect((await patch('no_such_key', { label: 'x' })).body.error?.code).toBe('unknown-indicator')
    expect((await patch('hightech_firms', { label: 'x' }, tokens.leader)).status).toBe(403)

    // A figure a section shows stays until it is taken out of the text.
    const used = await api<{ error: { code: string; message: string } }>(server, `/api/summaries/${summaryId}/indicators/agreed_funds`, { token: tokens.admin, method: 'DELETE' })
    expect(used.status).toBe(409)
    expect(used.body.error.code).toBe('indicator-in-use')
    expect(used.body.error.message).toContain('（二）招商引资取得新突破')
    expect((await api(server, `/api/summaries/${summaryId}/indicators/hightech_firms`, { token: tokens.invest, method: 'DELETE' })).status).toBe(403)
    expect((await api(server, `/api/summaries/${summaryId}/indicators/hightech_firms`, { token: tokens.admin, method: 'DELETE' })).status).toBe(204)
    await waitFor(() => !watcher.doc.getMap('indicators').has('hightech_firms'), 5000, 'the figure to go')
  })

  it('reads an office’s own sheet with Chinese headers, finding figures by name when there is no key', async () => {
    const csv = '指标名称,单位,本年,上年,目标\n协议资金,亿元,5.6,4.3,5\n新签工业项目,个,19,15,16\n'
    expect((await put(tokens.admin!, csv, 'text/csv')).status).toBe(200)
    await waitFor(() => figure(watcher.doc, 'agreed_funds').value === 5.6)
    expect(figure(watcher.doc, 'new_projects')).toMatchObject({ value: 19, previous: 15, target: 16 })
    const unknown = await put(tokens.admin!, '指标名称,本年\n不存在的指标,1\n', 'text/csv')
    expect(unknown.status).toBe(400)
    const body = (await unknown.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('unknown-indicator')
    expect(body.error.message).toContain('未知的指标名称“不存在的指标”')
    const noName = await put(tokens.admin!, '单位,本年\n亿元,1\n', 'text/csv')
    expect(((await noName.json()) as { error: { message: string } }).error.message).toContain('缺少“key”列（指标键）或“指标名称”列')
  })

  it('reads a statistics sheet as offices keep it: a title above the header, years for columns, 序号 and 同比 beside them', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('主要指标')
    sheet.addRow(['2026年园区主要经济指标完成情况表'])
    sheet.mergeCells('A1:G1')
    sheet.addRow(['单位：亿元、个'])
    sheet.addRow(['序号', '指标名称', '计量单位', '2025年', '2026年', '同比增长（%）', '2026年目标', '备注'])
    sheet.addRow([1, '协议资金', '亿元', 4.4, 5.9, 34.1, 5.5, ''])
    sheet.addRow([2, '新签工业项目', '个', 15, 21, 40, 16, '含续建'])
    await importWorkbook(workbook, '主要经济指标.xlsx', { agreed_funds: { value: 5.9, previous: 4.4, target: 5.5 }, new_projects: { value: 21, previous: 15, target: 16 } })

    // The same as CSV, with a unit in the year's header; a row number in an error is the sheet's.
    const csv = '2026年主要指标\n指标名称,2025年(亿元),2026年(亿元)\n协议资金,4.4,六点一\n'
    const bad = await put(tokens.admin!, csv, 'text/csv')
    expect(bad.status).toBe(400)
    const problem = (await bad.json()) as { error: { details: Array<{ row: number; column: string }> } }
    expect(problem.error.details).toEqual([expect.objectContaining({ row: 3, column: 'value' })])
    expect(figure(watcher.doc, 'agreed_funds').value).toBe(5.9)

    // Two columns for one figure is a mistake to name, not to guess at.
    const twice = await put(tokens.admin!, '指标名称,本年,2026年\n协议资金,6,6.1\n', 'text/csv')
    expect(twice.status).toBe(400)
    expect(((await twice.json()) as { error: { message: string } }).error.message).toContain('有两列都表示本年数')
    expect(figure(watcher.doc, 'agreed_funds').value).toBe(5.9)
  })

  it('converts figures the sheet states in another unit of the same kind (万元 for 亿元) and says so', async () => {
    const before = ['agreed_funds', 'arrived_funds', 'new_projects'].map((key) => ({ key, value: figure(watcher.doc, key).value, previous: figure(watcher.doc, key).previous }))
    // The statistics office's sheet: everything in 万元, said once above the header.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('主要指标')
    sheet.addRow(['2026年招商引资情况表'])
    sheet.addRow(['单位：万元'])
    sheet.addRow(['指标名称', '本年', '上年'])
    sheet.addRow(['协议资金', 48000, 43000])
    sheet.addRow(['新签工业项目', 20, 15])
    const response = await sendFile(await workbook.xlsx.writeBuffer(), '招商引资.xlsx')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ updated: 2, converted: [{ key: 'agreed_funds', label: '协议资金', from: '万元', to: '亿元' }] })
    await waitFor(() => figure(watcher.doc, 'agreed_funds').value === 4.8)
    expect(figure(watcher.doc, 'agreed_funds').previous).toBe(4.3)
    expect(figure(watcher.doc, 'agreed_funds').source).toBe('系统管理员上传 招商引资.xlsx（由万元换算）')
    expect(figure(watcher.doc, 'new_projects').source).toBe('系统管理员上传 招商引资.xlsx')
    // A count is not money: 万元 said for the sheet does not touch it.
    expect(figure(watcher.doc, 'new_projects')).toMatchObject({ value: 20, previous: 15 })
    // A header's unit, and a row's own 单位, which wins over it.
    const csv = '指标名称,单位,本年（万元）\n到位资金,,16000\n协议资金,亿元,5.1\n'
    const answer = await put(tokens.admin!, csv, 'text/csv')
    expect(((await answer.json()) as { converted: Array<{ key: string }> }).converted.map((item) => item.key)).toEqual(['arrived_funds'])
    expect(figure(watcher.doc, 'arrived_funds').value).toBe(1.6)
    expect(figure(watcher.doc, 'agreed_funds').value).toBe(5.1)
    // A unit typed with the number counts the same way; the figure's own unit answers as before.
    expect(await (await put(tokens.admin!, 'key,value\nagreed_funds,"53,000万元"\n', 'text/csv')).json()).toEqual({ updated: 1, converted: [{ key: 'agreed_funds', label: '协议资金', from: '万元', to: '亿元' }] })
    expect(figure(watcher.doc, 'agreed_funds').value).toBe(5.3)
    expect(await (await put(tokens.admin!, 'key,value\nagreed_funds,5.2亿元\n', 'text/csv')).json()).toEqual({ updated: 1 })
    const wrong = await put(tokens.admin!, 'key,value\nnew_projects,20家\n', 'text/csv')
    expect(((await wrong.json()) as { error: { details: Array<{ message: string }> } }).error.details[0]!.message).toBe('本年数“20家”的单位“家”与该指标的单位“个”不同')
    // Names as a statistics sheet writes them: numbered, 其中：, a unit in brackets (stated) or a note (not).
    const named = await put(tokens.admin!, '指标名称,本年\n1.协议资金（万元）,54000\n  其中：到位资金（含续建）,1.7\n（三）新签工业项目,22\n', 'text/csv')
    expect(await named.json()).toEqual({ updated: 3, converted: [{ key: 'agreed_funds', label: '协议资金', from: '万元', to: '亿元' }] })
    expect([figure(watcher.doc, 'agreed_funds').value, figure(watcher.doc, 'arrived_funds').value, figure(watcher.doc, 'new_projects').value]).toEqual([5.4, 1.7, 22])
    // As they were, for the tests after this one.
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.admin, method: 'PUT', body: { values: before } })).status).toBe(200)
  })

  it('reads a header over two rows: a year merged above 完成 and 目标', async () => {
    const before = ['agreed_funds', 'new_projects'].map((key) => ({ key, value: figure(watcher.doc, key).value, previous: figure(watcher.doc, key).previous, target: figure(watcher.doc, key).target }))
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('指标')
    sheet.addRow(['2026年主要指标完成情况'])
    sheet.addRow(['指标名称', '单位', '2026年', '', '2025年'])
    sheet.addRow(['', '', '完成', '目标', '完成'])
    sheet.mergeCells('C2:D2')
    sheet.mergeCells('A2:A3')
    sheet.addRow(['协议资金', '亿元', 6.3, 6, 5.1])
    sheet.addRow(['新签工业项目', '个', 24, 20, 19])
    await importWorkbook(workbook, '主要指标.xlsx', { agreed_funds: { value: 6.3, target: 6, previous: 5.1 }, new_projects: { value: 24, target: 20, previous: 19 } })
    // The same as CSV, where a merged cell is one cell and blanks; a unit in the upper row counts for the lower.
    const csv = '指标名称,本年（万元）,,上年（万元）\n,完成,目标,完成\n协议资金,64000,60000,51000\n'
    const answer = await put(tokens.admin!, csv, 'text/csv')
    expect(answer.status).toBe(200)
    expect(figure(watcher.doc, 'agreed_funds')).toMatchObject({ value: 6.4, target: 6, previous: 5.1 })
    // A row of units under the header, as some offices add one.
    expect((await put(tokens.admin!, '指标名称,本年,上年\n计量单位,万元,万元\n协议资金,65000,52000\n', 'text/csv')).status).toBe(200)
    expect(figure(watcher.doc, 'agreed_funds')).toMatchObject({ value: 6.5, previous: 5.2 })
    expect((await api(server, `/api/summaries/${summaryId}/indicators`, { token: tokens.admin, method: 'PUT', body: { values: before } })).status).toBe(200)
  })

  it('computes a rate from its two figures: typed values of it are not taken, its target is, and its figures stay while it needs them', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: tokens.admin, body: { templateId: 'emergency-year-end', year: 2026, organisation: '青山区应急管理局' } })
    expect(created.status).toBe(201)
    const id = created.body.id
    const figures = async () => Object.fromEntries((await api<Array<IndicatorData & { key: string }>>(server, `/api/summaries/${id}/indicators`, { token: tokens.admin })).body.map((row) => [row.key, row]))
    const put = (values: object[]) => api(server, `/api/summaries/${id}/indicators`, { token: tokens.admin, method: 'PUT', body: { values } })
    expect((await figures()).rectification_rate).toMatchObject({ value: null, ratio: { part: 'hazards_fixed', whole: 'hazards_found' } })
    expect((await put([{ key: 'hazards_found', value: 500, previous: 400 }, { key: 'hazards_fixed', value: 480, previous: 360 }])).status).toBe(200)
    expect((await figures()).rectification_rate).toMatchObject({ value: 96, previous: 90 })
    const text = await (await fetch(`${server.url}/api/summaries/${id}/export?format=txt`, { headers: { authorization: `Bearer ${tokens.admin}` } })).text()
    expect(text).toContain('其中整改隐患480处；隐患整改率96%。')

    expect((await put([{ key: 'rectification_rate', value: 50, previous: 10, target: 100 }])).status).toBe(200)
    expect((await figures()).rectification_rate).toMatchObject({ value: 96, previous: 90, target: 100 })
    const removed = await api<{ error: { code: string; message: string } }>(server, `/api/summaries/${id}/indicators/hazards_found`, { token: tokens.admin, method: 'DELETE' })
    expect(removed.status).toBe(409)
    expect(removed.body.error.message).toContain('用于计算“隐患整改率”')
    // The admin defines one more, by the API: checked like a template's.
    const departmentId = (await figures()).hazards_found!.departmentId
    const define = (body: object) => api<{ error?: { message: string } }>(server, `/api/summaries/${id}/indicators`, { token: tokens.admin, body: { label: '比率', departmentId, ...body } })
    expect((await define({ key: 'found_share', unit: '%', ratio: { part: 'hazards_fixed', whole: 'inspections' } })).status).toBe(201)
    expect((await define({ key: 'bad_unit', unit: '处', ratio: { part: 'hazards_fixed', whole: 'hazards_found' } })).body.error?.message).toContain('单位应为 %')
    expect((await define({ key: 'bad_part', unit: '%', ratio: { part: 'nope', whole: 'hazards_found' } })).body.error?.message).toContain('未定义的指标“nope”')
    expect((await define({ key: 'bad_chain', unit: '%', ratio: { part: 'rectification_rate', whole: 'hazards_found' } })).body.error?.message).toContain('本身是计算得出的比率')
    expect((await api(server, `/api/summaries/${id}/indicators/found_share`, { token: tokens.admin, method: 'PATCH', body: { unit: '个' } })).status).toBe(400)
    expect(Object.keys(await figures())).not.toContain('bad_unit')
    // Saved as a template, the rate stays a rate.
    const saved = await api<{ indicators: Array<{ key: string; ratio?: object }> }>(server, `/api/summaries/${id}/template`, { token: tokens.admin })
    expect(saved.body.indicators.find((indicator) => indicator.key === 'rectification_rate')?.ratio).toEqual({ part: 'hazards_fixed', whole: 'hazards_found' })
  })

  it('gives every figure as a workbook with numbers as numbers, which, filled in, can be uploaded again', async () => {
    expect((await api(server, `/api/summaries/${summaryId}/indicators/verify`, { token: tokens.leader, body: { keys: ['agreed_funds'] } })).status).toBe(200)
    const response = await fetch(`${server.url}/api/summaries/${summaryId}/indicators?format=xlsx`, { headers: { authorization: `Bearer ${tokens.invest}` } })
    expect(response.status).toBe(200)
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('主要指标.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('青山工业园区管理委员会2026年主要指标完成情况表')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '指标名称', '单位', '责任部门', '2025年', '2026年', '同比', '2026年目标', '完成率', '核实', '指标键'])
    const rows = sheet.getSheetValues().slice(3).map((row) => (row as unknown[]).slice(1))
    const funds = rows.find((row) => row[10] === 'agreed_funds')!
    expect(funds.slice(1, 9)).toEqual(['协议资金', '亿元', '招商部', 4.4, 5.9, '增长34.1%', 5.5, '107%'])
    expect(funds[9]).toMatch(/^王主任 \d+月\d+日$/)
    // A figure not known yet is an empty cell, never 0.
    expect(figure(watcher.doc, 'union_events').value).toBeNull()
    expect(rows.find((row) => row[10] === 'union_events')![5]).toBeUndefined()

    funds[5] = 6.2
    sheet.getRow(rows.indexOf(funds) + 3).getCell(6).value = 6.2
    await importWorkbook(workbook, '主要指标.xlsx', { agreed_funds: { value: 6.2, previous: 4.4, target: 5.5 } })
    expect((await api(server, `/api/summaries/${summaryId}/indicators?format=pdf`, { token: tokens.invest })).status).toBe(400)
  })

  it('lets the office or a leader mark figures checked (核实), until what prints from them changes', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: tokens.admin, body: { templateId: 'emergency-year-end', year: 2026, organisation: '核实测试应急管理局' } })
    const id = created.body.id
    const figures = async () => Object.fromEntries((await api<Array<IndicatorData & { key: string }>>(server, `/api/summaries/${id}/indicators`, { token: tokens.admin })).body.map((row) => [row.key, row]))
    const verify = (token: string, keys: string[], verified = true) => api<{ error: { code: string; message: string } }>(server, `/api/summaries/${id}/indicators/verify`, { token, body: { keys, verified } })
    const unverifiedChecks = async () =>
      (await api<{ checks: Array<{ kind: string; message: string }> }>(server, `/api/summaries/${id}/preflight`, { token: tokens.admin })).body.checks.filter((check) => check.kind === 'unverified')
    expect((await api(server, `/api/summaries/${id}/indicators`, { token: tokens.admin, method: 'PUT', body: { values: [{ key: 'hazards_found', value: 500 }, { key: 'hazards_fixed', value: 480 }] } })).status).toBe(200)
    // An office that never checks is not told about it.
    expect(await unverifiedChecks()).toEqual([])

    expect((await verify(tokens.safety!, ['hazards_found'])).status).toBe(403)
    const refused = await verify(tokens.leader!, ['hazards_found', 'accidents', 'rectification_rate'])
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('尚未填报，不能核实')
    expect(refused.body.error.message).toContain('由两项指标计算')
    expect((await verify(tokens.leader!, ['nope'])).status).toBe(404)
    expect((await figures()).hazards_found!.verifiedBy).toBeUndefined()

    expect((await verify(tokens.leader!, ['hazards_found'])).status).toBe(200)
    expect((await figures()).hazards_found).toMatchObject({ verifiedBy: '王主任', verifiedAt: expect.any(Number) })
    // Once the office checks, what is filled in and unchecked is listed before export.
    expect((await unverifiedChecks()).map((check) => check.message)).toEqual(['1 项已填报的指标尚未核实：整改隐患'])
    const progress = await api<{ figures: { total: number; filled: number; verified: number } }>(server, `/api/summaries/${id}/progress`, { token: tokens.admin })
    expect(progress.body.figures).toMatchObject({ filled: 2, verified: 1 })
    expect(progress.body.figures.total).toBeGreaterThan(2)

    // The same number again keeps the mark; a new one clears it, and the 操作记录 says so.
    const put = (values: object[]) => api(server, `/api/summaries/${id}/indicators`, { token: tokens.admin, method: 'PUT', body: { values } })
    expect((await put([{ key: 'hazards_found', value: 500 }])).status).toBe(200)
    expect((await figures()).hazards_found!.verifiedBy).toBe('王主任')
    expect((await put([{ key: 'hazards_found', value: 520 }])).status).toBe(200)
    expect((await figures()).hazards_found).toMatchObject({ value: 520, verifiedBy: null, verifiedAt: null })
    const journal = (await api<Array<{ detail: string }>>(server, `/api/summaries/${id}/journal`, { token: tokens.admin })).body.map((entry) => entry.detail)
    expect(journal[0]).toContain('其中 1 项原已核实，需重新核实')
    expect(journal.slice(1, 3)).toContain('核实指标：排查一般隐患')

    // A new unit changes what prints: checked again.
    expect((await api(server, '/api/summaries/' + id + '/indicators/verify', { token: tokens.admin, body: { keys: ['hazards_found', 'hazards_fixed'] } })).status).toBe(200)
    expect(await unverifiedChecks()).toEqual([])
    expect((await api(server, `/api/summaries/${id}/indicators/hazards_found`, { token: tokens.admin, method: 'PATCH', body: { label: '排查各类隐患' } })).status).toBe(200)
    expect((await figures()).hazards_found!.verifiedBy).toBe('系统管理员')
    expect((await api(server, `/api/summaries/${id}/indicators/hazards_found`, { token: tokens.admin, method: 'PATCH', body: { unit: '项' } })).status).toBe(200)
    expect((await figures()).hazards_found!.verifiedBy).toBeNull()
    // Withdrawn by hand.
    expect((await verify(tokens.leader!, ['hazards_fixed'], false)).status).toBe(200)
    expect((await figures()).hazards_fixed!.verifiedBy).toBeNull()
  })
})
