import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, connect, demoSummaryId, login, startTestServer, synced, waitFor, writeParagraph } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let admin: string

const LAST_YEAR = [
  '青山工业园区管理委员会2025年度工作总结',
  '2025年，园区围绕中心工作，砥砺前行。',
  '一、主要工作完成情况',
  '（一）经济运行稳中有进',
  '全年规上工业总产值46.1亿元，同比增长10.2%。',
  '（二）招商引资取得新突破',
  '全年新签工业项目15个，协议资金4.3亿元。',
  '坚持以商招商和驻点招商相结合，拓宽招商渠道。',
  '（九）园区环境整治',
  '这一段不属于任何章节。',
  '二、存在的问题和不足',
  '项目落地慢。',
]
const lastYearDocx = async (lines = LAST_YEAR) => Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }))

const upload = async (query: string, body: Buffer, token = admin) =>
  fetch(`${server.url}/api/summaries/${summaryId}/earlier-from-docx${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    body: new Uint8Array(body),
  })

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
})

afterAll(async () => {
  await server.close()
})

describe('导入上年 Word 总结', () => {
  it('previews which sections get last year’s text, and changes nothing', async () => {
    const preview = await upload('?dryRun=1', await lastYearDocx())
    expect(preview.status).toBe(200)
    expect(await preview.json()).toEqual({
      sections: [
        { sectionId: 'economy', paragraphs: 1 },
        { sectionId: 'investment', paragraphs: 2 },
        { sectionId: 'problems', paragraphs: 1 },
      ],
      unmatched: ['（九）园区环境整治'],
      skipped: 3,
    })
    expect((await api<Array<{ id: string }>>(server, '/api/summaries?archived=1', { token: admin })).body).toHaveLength(1)
  })

  it('is for the admin only, and refuses a file that is not Word or whose headings name no section', async () => {
    expect((await upload('?dryRun=1', await lastYearDocx(), await login(server, 'office'))).status).toBe(403)
    const broken = await upload('', Buffer.from('这不是 Word 文件'))
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid-docx')
    const unrelated = await upload('', await lastYearDocx(['工会工作总结', '一、组织建设', '发展会员20名。']))
    expect(unrelated.status).toBe(400)
    expect(await unrelated.json()).toMatchObject({ error: { code: 'no-matching-headings' } })
    expect((await api<Array<{ id: string }>>(server, '/api/summaries?archived=1', { token: admin })).body).toHaveLength(1)
  })

  it('keeps the file as last year’s summary: 查看上年这一节 and 与上年相同 read it', async () => {
    const created = await upload('', await lastYearDocx())
    expect(created.status).toBe(201)
    const { earlierId, title } = (await created.json()) as { earlierId: string; title: string }
    expect(title).toBe('青山工业园区管理委员会2025年度工作总结')
    const archived = (await api<Array<{ id: string; title: string; year: number; archivedAt?: number }>>(server, '/api/summaries?archived=1', { token: admin })).body.find((summary) => summary.id === earlierId)!
    expect(archived).toMatchObject({ title, year: 2025 })
    expect(archived.archivedAt).toBeGreaterThan(0)

    const writer = await login(server, 'invest')
    const section = await api<{ heading: string; text: string; html: string }>(server, `/api/summaries/${earlierId}/sections/investment/text`, { token: writer })
    expect(section.body).toEqual({
      heading: '（二）招商引资取得新突破',
      title,
      text: '　　全年新签工业项目15个，协议资金4.3亿元。\n　　坚持以商招商和驻点招商相结合，拓宽招商渠道。',
      html: '<p>全年新签工业项目15个，协议资金4.3亿元。</p><p>坚持以商招商和驻点招商相结合，拓宽招商渠道。</p>',
    })

    // A sentence carried over word for word is pointed out in the export dialog's checks.
    const client = connect(server, summaryId, writer)
    await synced(client)
    writeParagraph(client.doc, 'investment-service', '坚持以商招商和驻点招商相结合，拓宽招商渠道。')
    await waitFor(async () => {
      const { checks } = (await api<{ checks: Array<{ kind: string; sectionId?: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body
      return checks.some((check) => check.kind === 'repeated' && check.sectionId === 'investment-service')
    })
    client.destroy()

    const journal = await api<Array<{ detail: string }>>(server, `/api/summaries/${summaryId}/journal`, { token: admin })
    expect(journal.body[0]!.detail).toBe('导入上年总结（3 个章节）')
    // A summary that continues one already is not given a second.
    const again = await upload('', await lastYearDocx())
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'earlier-exists' } })
  })
})
