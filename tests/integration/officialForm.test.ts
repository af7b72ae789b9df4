import { execFile } from 'node:child_process'
import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, demoSummaryId, login, startTestServer } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let admin: string

const exportOf = (path: string, query: string) => fetch(`${server.url}/api/summaries/${summaryId}${path}?${query}`, { headers: { authorization: `Bearer ${admin}` } })
const documentXml = async (response: Response) => strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!)
const patch = (token: string, body: unknown) => api<Record<string, unknown>>(server, `/api/summaries/${summaryId}`, { token, method: 'PATCH', body })
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
})

afterAll(async () => {
  await server.close()
})

describe('公文格式 of a summary', () => {
  it('is set by the admin only, normalised, shown with the summary and written to the 操作记录', async () => {
    const writer = await login(server, 'office')
    expect((await patch(writer, { official: { addressee: '县委、县政府' } })).status).toBe(403)
    const refused = await patch(admin, { official: { addressee: '县委\n县政府' } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('只能写一行')

    const saved = await patch(admin, { official: { addressee: '县委、县政府：', number: '青园管发[2026]15号', copyTo: '县人大常委会办公室，县政协办公室', printedBy: '青山工业园区管理委员会办公室', issuer: '' } })
    expect(saved.status).toBe(200)
    const official = { addressee: '县委、县政府', number: '青园管发〔2026〕15号', copyTo: '县人大常委会办公室，县政协办公室', printedBy: '青山工业园区管理委员会办公室' }
    expect(saved.body.official).toEqual(official)
    expect((await api<{ official: unknown }>(server, `/api/summaries/${summaryId}`, { token: writer })).body.official).toEqual(official)
    const journal = await api<Array<{ detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: admin })
    expect(journal.body[0]!.detail).toBe('公文格式：主送机关或称谓“县委、县政府”、发文字号“青园管发〔2026〕15号”、抄送“县人大常委会办公室，县政协办公室”、印发机关“青山工业园区管理委员会办公室”')
  })

  it('prints the 主送机关 in every export and the 红头 in a .docx asked for it', async () => {
    const text = await (await exportOf('/export', 'format=txt')).text()
    expect(text.startsWith('青山工业园区管理委员会2026年度工作总结\n\n县委、县政府：\n一、')).toBe(true)

    const plain = await documentXml(await exportOf('/export', 'format=docx'))
    expect(plain).toContain('县委、县政府：')
    expect(plain).not.toContain('青园管发')
    const headed = await documentXml(await exportOf('/export', 'format=docx&letterhead=1&date=2026-12-31'))
    expect(headed).toMatch(/<w:color w:val="FF0000"\/>[^]*?青山工业园区管理委员会文件/)
    expect(headed).toContain('青园管发〔2026〕15号')
    expect(headed).toContain('w:tblpYSpec="bottom"')
    expect(headed).toContain('抄送：县人大常委会办公室，县政协办公室。')
    expect(headed).toContain('2026年12月31日印发')
  })

  it('prints a 附注 under the closing date, in brackets, in every format but a department’s part', async () => {
    const current = (await api<{ official: Record<string, string> }>(server, `/api/summaries/${summaryId}`, { token: admin })).body.official
    const saved = await patch(admin, { official: { ...current, note: '（联系人：王某某，联系电话：0571-88881234）' } })
    expect((saved.body.official as { note: string }).note).toBe('联系人：王某某，联系电话：0571-88881234')
    const text = await (await exportOf('/export', 'format=txt&date=2026-12-31')).text()
    expect(text.endsWith('\n青山工业园区管理委员会\n2026年12月31日\n　　（联系人：王某某，联系电话：0571-88881234）\n')).toBe(true)
    expect(await (await exportOf('/export', 'format=html')).text()).toContain('<p class="note">（联系人：王某某，联系电话：0571-88881234）</p>')
    expect(await documentXml(await exportOf('/export', 'format=docx'))).toContain('（联系人：王某某，联系电话：0571-88881234）')
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const part = await (await exportOf('/export', `format=txt&department=${departments.find((department) => department.name === '招商部')!.id}`)).text()
    expect(part).not.toContain('联系人')
    await patch(admin, { official: current })
  })

  it('exports the 红头 from the command line too, and says why not for plain text', async () => {
    const out = join(server.dataDir, '红头.docx')
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', '--summary', summaryId, ...args], { env: { ...process.env, ...server.env } })
    await cli('--out', out, '--letterhead')
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml']!)).toContain('青园管发〔2026〕15号')
    const refused = await cli('--format', 'txt', '--letterhead').catch((error: { stderr: string }) => error)
    expect((refused as { stderr: string }).stderr).toContain('红头（版头、版记）只能导出为 Word（.docx）')
  })

  it('refuses a letterhead in another format, or a value other than 1 or 0', async () => {
    const other = await exportOf('/export', 'format=html&letterhead=1')
    expect(other.status).toBe(400)
    expect(await errorCode(other)).toBe('letterhead-docx-only')
    const bad = await exportOf('/export', 'format=docx&letterhead=yes')
    expect(bad.status).toBe(400)
    expect(await errorCode(bad)).toBe('invalid-input')
  })

  it('is kept in a version as it was, and cleared with null', async () => {
    const version = await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: admin, body: { name: '送审稿' } })
    expect((await patch(admin, { official: { number: '青园管发〔2026〕16号' } })).status).toBe(200)
    const then = await documentXml(await exportOf(`/versions/${version.body.id}/export`, 'format=docx&letterhead=1'))
    expect(then).toContain('青园管发〔2026〕15号')
    expect(then).toContain('县委、县政府：')
    const now = await documentXml(await exportOf('/export', 'format=docx&letterhead=1'))
    expect(now).toContain('青园管发〔2026〕16号')
    expect(now).not.toContain('县委、县政府：') // the whole form was replaced

    const cleared = await patch(admin, { official: null })
    expect(cleared.body.official).toBeUndefined()
    expect((await api<{ official?: unknown }>(server, `/api/summaries/${summaryId}`, { token: admin })).body.official).toBeUndefined()
    expect(await (await exportOf('/export', 'format=txt')).text()).toMatch(/^青山工业园区管理委员会2026年度工作总结\n\n一、/)
  })
})
