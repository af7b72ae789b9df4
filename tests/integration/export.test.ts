import { execFile } from 'node:child_process'
import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anchorsFor, api, connect, demoSummaryId, findPhrase, login, sectionText, startTestServer, synced, tableElement, waitFor, writeParagraph, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
let admin: string
let writer: TestClient

const download = (format: string) => fetch(`${server.url}/api/summaries/${summaryId}/export?format=${format}`, { headers: { authorization: `Bearer ${admin}` } })

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
  writer = connect(server, summaryId, await login(server, 'invest'))
  await synced(writer)
  writeParagraph(writer.doc, 'investment-channels', '赴长三角开展驻点招商20xx次。')
  await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('驻点'))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const leader = await login(server, 'leader')
  await api(server, `/api/summaries/${summaryId}/comments`, { token: leader, body: { sectionId: 'investment-channels', ...anchorsFor(writer.doc, 'investment-channels', '驻点招商'), quote: '驻点招商', text: '这条评论不能出现在导出里' } })
})

afterAll(async () => {
  writer.destroy()
  await server.close()
})

describe('export and preflight', () => {
  it('exports the final text with numbers, figures and closing, without comments', async () => {
    const response = await download('txt')
    expect(response.headers.get('content-type')).toContain('text/plain')
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    const text = await response.text()
    expect(text.startsWith('青山工业园区管理委员会2026年度工作总结\n')).toBe(true)
    expect(text).toContain('\n（二）招商引资取得新突破\n　　全年新签工业项目18个，同比增长20.0%；协议资金5.2亿元')
    expect(text).toContain('\n1.拓宽招商渠道\n　　赴长三角开展驻点招商20xx次。\n')
    expect(text).toContain('\n（六）职工队伍凝聚力明显增强\n　　全年组织职工文体活动【待填：组织职工文体活动】。')
    expect(text).toMatch(/\n青山工业园区管理委员会\n\d{4}年\d{1,2}月\d{1,2}日\n$/)
    expect(text).not.toContain('这条评论不能出现在导出里')
  })

  it('exports one department’s part (部门分稿) with its sections in place and a line for its head to sign', async () => {
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const invest = departments.find((department) => department.name === '招商部')!
    const part = await download(`txt&department=${invest.id}&appendix=1`)
    expect(decodeURIComponent(part.headers.get('content-disposition')!)).toContain('青山工业园区管理委员会2026年度工作总结（招商部部分）.txt')
    const text = await part.text()
    // The heading above its sections keeps its place and number, without the office's text.
    expect(text.startsWith('青山工业园区管理委员会2026年度工作总结（招商部部分）\n\n一、主要工作完成情况\n（二）招商引资取得新突破\n　　全年新签工业项目18个')).toBe(true)
    expect(text).toContain('\n1.拓宽招商渠道\n　　赴长三角开展驻点招商20xx次。\n')
    expect(text).not.toContain('经济运行稳中有进')
    expect(text).not.toContain('全年规上工业总产值')
    expect(text).toContain('\n撰写部门：招商部\n部门负责人审核（签字）：\n日期：')
    expect(text).not.toMatch(/\n青山工业园区管理委员会\n\d{4}年/)
    // Its 附件 lists its own figures only.
    expect(text).toContain('协议资金')
    expect(text.slice(text.indexOf('指标汇总表'))).not.toContain('规上工业总产值')
    const docx = strFromU8(unzipSync(new Uint8Array(await (await download(`docx&department=${invest.id}`)).arrayBuffer()))['word/document.xml']!)
    expect(docx).toContain('部门负责人审核（签字）：')

    const refused = async (query: string) => {
      const response = await download(query)
      return [response.status, ((await response.json()) as { error: { code: string } }).error.code]
    }
    expect(await refused('txt&department=nope')).toEqual([404, 'unknown-department'])
    expect(await refused(`docx&department=${invest.id}&letterhead=1`)).toEqual([400, 'invalid-input'])
    const idle = (await api<{ id: string }>(server, '/api/departments', { token: admin, body: { name: '不写总结的科室' } })).body
    expect(await refused(`txt&department=${idle.id}`)).toEqual([400, 'empty-part'])
  })

  it('exports every department’s part in one .zip (各部门分稿), in outline order, each as it exports alone', async () => {
    const response = await download('txt&department=all')
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('青山工业园区管理委员会2026年度工作总结（各部门分稿）.zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files)).toEqual(['01 办公室.txt', '02 经济发展局.txt', '03 招商部.txt', '04 规划建设局.txt', '05 安监办.txt', '06 党建办.txt', '07 工会.txt'])
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const invest = departments.find((department) => department.name === '招商部')!
    expect(strFromU8(files['03 招商部.txt']!)).toBe(await (await download(`txt&department=${invest.id}`)).text())
    expect(strFromU8(files['03 招商部.txt']!)).toContain('撰写部门：招商部')
    expect(strFromU8(files['05 安监办.txt']!)).toContain('撰写部门：安监办')

    const words = unzipSync(new Uint8Array(await (await download('docx&department=all&draft=' + encodeURIComponent('送审稿'))).arrayBuffer()))
    expect(Object.keys(words)).toHaveLength(7)
    const unionPart = strFromU8(unzipSync(words['07 工会.docx']!)['word/document.xml']!)
    expect(unionPart).toContain('部门负责人审核（签字）：')
    expect(unionPart).toContain('（送审稿）')
    const refused = await download('docx&department=all&letterhead=1')
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([400, 'invalid-input'])
  })

  it('marks a draft sent round under its title (稿本标注), in every format', async () => {
    const text = await (await download(`txt&draft=${encodeURIComponent('征求意见稿')}`)).text()
    expect(text.startsWith('青山工业园区管理委员会2026年度工作总结\n（征求意见稿）\n\n')).toBe(true)
    expect(await (await download(`html&draft=${encodeURIComponent('讨论稿')}`)).text()).toContain('<p class="draft-mark">（讨论稿）</p>')
    const docx = strFromU8(unzipSync(new Uint8Array(await (await download(`docx&draft=${encodeURIComponent('送审稿')}`)).arrayBuffer()))['word/document.xml']!)
    expect(docx).toContain('（送审稿）')
    const refused = await download(`txt&draft=${encodeURIComponent('草稿')}`)
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('征求意见稿、讨论稿、送审稿')
    expect(await (await download('txt')).text()).not.toContain('征求意见稿')
  })

  it('exports a 公开版 with the mobile and ID numbers in the text masked', async () => {
    writeParagraph(writer.doc, 'investment-channels', '对接客商李某（13812345678）。')
    await waitFor(async () => (await (await download('txt')).text()).includes('13812345678'))
    const published = await (await download('txt&redact=1')).text()
    expect(published).toContain('对接客商李某（138****5678）。')
    expect(published).not.toContain('13812345678')
    const docx = strFromU8(unzipSync(new Uint8Array(await (await download('docx&redact=1')).arrayBuffer()))['word/document.xml']!)
    expect(docx).toContain('138****5678')
    expect(docx).not.toContain('13812345678')
    expect((await download('docx&redact=1&comments=1')).status).toBe(400)
    expect((await download('txt&redact=yes')).status).toBe(400)
    // Taken out again: the checks the next tests read are about other things.
    const fragment = writer.doc.getXmlFragment('section:investment-channels')
    fragment.delete(fragment.length - 1, 1)
    await waitFor(async () => !(await (await download('txt')).text()).includes('13812345678'))
  })

  it('exports Markdown, HTML and a .docx package', async () => {
    expect(await (await download('md')).text()).toContain('### （二）招商引资取得新突破')
    const html = await download('html')
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(await html.text()).toContain('<h2>一、主要工作完成情况</h2>')
    const docx = await download('docx')
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
  })

  it('answers an unknown or missing format with 400 and says which formats there are', async () => {
    for (const [format, message] of [
      ['pdf', '不支持的导出格式“pdf”，可选：txt、md、html、docx'],
      ['', '请指定导出格式（format）：txt、md、html、docx'],
    ]) {
      const response = await download(format!)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'unknown-format', message })
    }
  })

  it('lists preflight problems of every kind', async () => {
    const { body } = await api<{ problems: Array<{ kind: string; sectionId?: string; key?: string; message: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })
    const kinds = new Set(body.problems.map((problem) => problem.kind))
    expect([...kinds].sort()).toEqual(['empty-section', 'missing-indicator', 'not-final', 'placeholder', 'unresolved-comment'])
    expect(body.problems).toContainEqual(expect.objectContaining({ kind: 'placeholder', sectionId: 'investment-channels' }))
    expect(body.problems).toContainEqual(expect.objectContaining({ kind: 'missing-indicator', key: 'union_events', sectionId: 'union' }))
    expect(body.problems).toContainEqual(expect.objectContaining({ kind: 'empty-section', sectionId: 'party' }))
    expect(body.problems.some((problem) => problem.kind === 'empty-section' && problem.sectionId === 'investment-channels')).toBe(false)
  })

  it('asks to check a figure typed by hand that the data contradicts, apart from the problems', async () => {
    writeParagraph(writer.doc, 'investment-service', '跟踪服务项目，协议资金累计5.8亿元。')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('5.8亿元'))
    await expect
      .poll(async () => (await api<{ checks: Array<{ sectionId: string; key: string; message: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body.checks, { timeout: 5000 })
      .toEqual([{ kind: 'figure', sectionId: 'investment-service', key: 'agreed_funds', message: '“2.做优项目服务”中手写的“协议资金累计5.8亿元”与指标数据（5.2亿元）不一致，请核对或改用指标' }])
    const progress = await api<{ sections: Array<{ id: string; figureChecks: number }> }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })
    expect(progress.body.sections.filter((section) => section.figureChecks > 0)).toEqual([expect.objectContaining({ id: 'investment-service', figureChecks: 1 })])
  })

  it('asks to check half-width punctuation and misused words, and the export prints the text as written', async () => {
    writeParagraph(writer.doc, 'investment-service', '下一步,继续做好(项目代办)服务，建立项目台帐。')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('项目代办'))
    await expect
      .poll(async () => (await api<{ checks: Array<{ kind: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body.checks.filter((check) => check.kind !== 'figure'), { timeout: 5000 })
      .toEqual([
        { kind: 'punctuation', sectionId: 'investment-service', message: '“2.做优项目服务”中标点不合公文规范 2 处：“,”应为“，”；半角括号()应为（）' },
        { kind: 'wording', sectionId: 'investment-service', message: '“2.做优项目服务”中用词有误 1 处：“台帐”应为“台账”' },
      ])
    const progress = await api<{ sections: Array<{ id: string; punctuation: number; wording: number }> }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })
    expect(progress.body.sections.filter((section) => section.punctuation + section.wording > 0).map(({ id, punctuation, wording }) => ({ id, punctuation, wording }))).toEqual([
      { id: 'investment-service', punctuation: 2, wording: 1 },
    ])
    expect(await (await download('txt')).text()).toContain('　　下一步,继续做好(项目代办)服务，建立项目台帐。\n')
  })

  it('reports paragraphs of results with nothing checkable (空泛) per section and department, apart from the problems', async () => {
    writeParagraph(writer.doc, 'investment-channels', '认真落实招商引资各项政策，不断优化营商环境，积极为企业排忧解难，持续提升服务水平，营造了良好的亲商安商氛围。')
    await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('亲商安商'))
    await expect
      .poll(async () => (await api<{ checks: Array<{ kind: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body.checks.filter((check) => check.kind === 'vague'), { timeout: 5000 })
      .toEqual([{ kind: 'vague', sectionId: 'investment-channels', message: expect.stringContaining('“1.拓宽招商渠道”中有 1 段没有数字或具体事例，如“认真落实招商引资各项政策，不断优化营商环……”') }])
    const progress = (await api<{ sections: Array<{ id: string; vague: number }>; departments: Array<{ name: string; vague: number }>; overall: { vague: number } }>(server, `/api/summaries/${summaryId}/progress`, { token: admin })).body
    expect(progress.sections.filter((section) => section.vague > 0).map(({ id, vague }) => ({ id, vague }))).toEqual([{ id: 'investment-channels', vague: 1 }])
    expect(progress.departments.filter((department) => department.vague > 0).map(({ name, vague }) => ({ name, vague }))).toEqual([{ name: '招商部', vague: 1 }])
    expect(progress.overall.vague).toBe(1)
    // Taken out again: the checks the next tests read are about other things.
    const fragment = writer.doc.getXmlFragment('section:investment-channels')
    fragment.delete(fragment.length - 1, 1)
    await waitFor(() => !sectionText(writer.doc, 'investment-channels').includes('亲商安商'))
  })

  it('exports a 批注版 .docx with the open comment threads as Word comments on their phrases', async () => {
    const xml = async (query: string) => {
      const files = unzipSync(new Uint8Array(await (await download(query)).arrayBuffer()))
      return { document: strFromU8(files['word/document.xml']!), comments: files['word/comments.xml'] ? strFromU8(files['word/comments.xml']) : null }
    }
    const plain = await xml('docx')
    expect(plain.comments).toBeNull()
    expect(plain.document).not.toContain('commentRangeStart')

    const reviewed = await xml('docx&comments=1')
    expect(reviewed.comments).toContain('这条评论不能出现在导出里')
    expect(reviewed.comments).toContain('w:author="王主任"')
    const start = reviewed.document.indexOf('<w:commentRangeStart w:id="0"/>')
    const end = reviewed.document.indexOf('<w:commentRangeEnd w:id="0"/>')
    expect(start).toBeGreaterThan(0)
    const covered = [...reviewed.document.slice(start, end).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
    expect(covered).toBe('驻点招商')
    expect(reviewed.document).toContain('<w:commentReference w:id="0"/>')
    expect(reviewed.document).not.toMatch(/[\ue000-\uefff]/u)
    // A comment on a whole section (评论本节) goes on its heading.
    const leader = await login(server, 'leader')
    await api(server, `/api/summaries/${summaryId}/comments`, { token: leader, body: { sectionId: 'problems', wholeSection: true, text: '问题要写实写透' } })
    const withHeading = await xml('docx&comments=1')
    const id = /<w:comment w:id="(\d+)"[^>]*>(?:(?!<\/w:comment>).)*问题要写实写透/s.exec(withHeading.comments!)![1]
    const headingStart = withHeading.document.indexOf(`<w:commentRangeStart w:id="${id}"/>`)
    const headingText = [...withHeading.document.slice(headingStart, withHeading.document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
    expect(headingText).toBe('存在的问题和不足')
    expect(withHeading.document).not.toMatch(/[\ue000-\uefff]/u)
    // The summary itself is untouched: the plain export reads as before.
    expect(await (await download('txt')).text()).toContain('赴长三角开展驻点招商20xx次。')
    const refused = await download('txt&comments=1')
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('comments-docx-only')
  })

  it('exports a 修订版 .docx with what changed since a version as Word tracked changes', async () => {
    const table = writer.doc.getXmlFragment('section:plan-investment')
    table.insert(table.length, [tableElement([['项目', '进度'], ['污水处理厂', '已开工']], { header: true })])
    await waitFor(() => sectionText(writer.doc, 'plan-investment').includes('已开工'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const version = await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: admin, body: { name: '征求意见稿' } })
    writeParagraph(writer.doc, 'plan-investment', '聚焦新能源和新材料产业链招商。')
    const cell = findPhrase(writer.doc, 'plan-investment', '已开工')
    cell.text.delete(cell.index, 3)
    cell.text.insert(cell.index, '主体完工')
    const phrase = findPhrase(writer.doc, 'investment-service', '项目代办')
    phrase.text.insert(phrase.index, '重点')
    await waitFor(() => sectionText(writer.doc, 'investment-service').includes('重点项目代办'))
    await new Promise((resolve) => setTimeout(resolve, 100))

    const response = await download(`docx&changesSince=${version.body.id}`)
    expect(response.status).toBe(200)
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('青山工业园区管理委员会2026年度工作总结（修订版，对比征求意见稿）.docx')
    const xml = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!)
    const inserted = [...xml.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/g)].map((match) => [...match[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''))
    expect(inserted).toContain('重点')
    expect(inserted).toContain('聚焦新能源和新材料产业链招商。')
    expect(xml).toMatch(/<w:ins [^>]*w:author="汇总（对比“征求意见稿”）"/)
    // A writers' table shows its changed cell as a change, inside the cell.
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*<w:del [^>]*>(?:(?!<\/w:del>).)*<w:delText[^>]*>已开工<\/w:delText>(?:(?!<\/w:tc>).)*<w:ins [^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>主体完工<\/w:t>/)
    // The added paragraph's mark is an insertion too: rejecting it in Word leaves no empty line.
    expect(xml).toMatch(/<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>聚焦新能源和新材料产业链招商。<\/w:t>/)
    // What did not change is plain text, and the plain export knows nothing of versions.
    expect(xml).toContain('主要工作完成情况')
    expect(await (await download('txt')).text()).toContain('继续做好(重点项目代办)服务')

    const refused = async (query: string) => ((await (await download(query)).json()) as { error: { code: string } }).error.code
    expect(await refused(`txt&changesSince=${version.body.id}`)).toBe('changes-docx-only')
    expect(await refused(`docx&comments=1&changesSince=${version.body.id}`)).toBe('invalid-input')
    expect(await refused('docx&changesSince=nope')).toBe('unknown-version')

    // Between two versions, after the summary has moved on: 征求意见稿 → 送审稿, not what came later.
    const later = await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: admin, body: { name: '送审稿' } })
    writeParagraph(writer.doc, 'plan-investment', '送审之后又加的一句。')
    await waitFor(() => sectionText(writer.doc, 'plan-investment').includes('送审之后又加的一句'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const between = await fetch(`${server.url}/api/summaries/${summaryId}/versions/${later.body.id}/export?format=docx&changesSince=${version.body.id}`, { headers: { authorization: `Bearer ${admin}` } })
    expect(decodeURIComponent(between.headers.get('content-disposition')!)).toContain('（修订版，对比征求意见稿）（送审稿）.docx')
    const betweenXml = strFromU8(unzipSync(new Uint8Array(await between.arrayBuffer()))['word/document.xml']!)
    const betweenInserted = [...betweenXml.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/g)].map((match) => [...match[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''))
    expect(betweenInserted).toContain('聚焦新能源和新材料产业链招商。')
    expect(betweenXml).not.toContain('送审之后又加的一句')
  })

  it('exports from the command line, reading the data directory directly', async () => {
    const out = join(server.dataDir, '总结.txt')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', '--summary', summaryId, '--format', 'txt', '--out', out, '--date', '2026-12-31'], { env: { ...process.env, ...server.env } })
    expect(stdout).toContain('已导出')
    expect(readFileSync(out, 'utf8')).toBe(await (await download('txt&date=2026-12-31')).text())
    // 批注版 from the command line too.
    const reviewed = join(server.dataDir, '批注版.docx')
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', '--summary', summaryId, '--format', 'docx', '--out', reviewed, '--comments', '1'], { env: { ...process.env, ...server.env } })
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(reviewed)))['word/comments.xml']!)).toContain('这条评论不能出现在导出里')
    // 修订版 too: against the 征求意见稿 saved above, and a clear refusal for an unknown version.
    const versions = (await api<Array<{ id: string; name: string }>>(server, `/api/summaries/${summaryId}/versions`, { token: admin })).body
    const revised = join(server.dataDir, '修订版.docx')
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', '--summary', summaryId, '--out', revised, '--changes-since', versions.find((version) => version.name === '征求意见稿')!.id], { env: { ...process.env, ...server.env } })
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(revised)))['word/document.xml']!)).toContain('<w:ins ')
    const unknown = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', '--summary', summaryId, '--changes-since', 'nope'], { env: { ...process.env, ...server.env } }).catch((error: { stderr: string }) => error)
    expect((unknown as { stderr: string }).stderr).toContain('该版本不存在')
  })

  it('dates the closing line as the office chooses (落款日期) and refuses a day that does not exist', async () => {
    expect(await (await download('txt&date=2026-12-31')).text()).toMatch(/\n青山工业园区管理委员会\n2026年12月31日\n$/)
    const docx = Buffer.from(await (await download('docx&date=2027-01-05')).arrayBuffer())
    expect(strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!)).toContain('2027年1月5日')
    const refused = await download('txt&date=2026-02-30')
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid-date', message: '落款日期应为 YYYY-MM-DD 格式的有效日期，如 2026-12-31' } })
    const version = await api<{ id: string }>(server, `/api/summaries/${summaryId}/versions`, { token: admin, body: { name: '送审稿' } })
    const versionText = await (await fetch(`${server.url}/api/summaries/${summaryId}/versions/${version.body.id}/export?format=txt&date=2026-12-30`, { headers: { authorization: `Bearer ${admin}` } })).text()
    expect(versionText).toMatch(/\n2026年12月30日\n$/)
  })

  it('adds 附件：指标汇总表 with every figure only when asked', async () => {
    expect(await (await download('txt')).text()).not.toContain('指标汇总表')
    const text = await (await download('txt&appendix=1&date=2026-12-31')).text()
    expect(text).toContain('\n2026年12月31日\n\n附件\n指标汇总表\n　　指标 | 本年 | 上年 | 同比 | 目标 | 完成率\n')
    expect(text).toContain('　　协议资金 | 5.2亿元 | 4.3亿元 | 增长20.9% | 5亿元 | 104%')
    expect(text).toContain('　　组织职工文体活动 | 【待填：组织职工文体活动】')
  })

  it('points out sentences next year’s summary carries word for word from this year’s, not the seeded ones with live figures', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '青山工业园区管理委员会', basedOn: summaryId } })
    const nextYear = connect(server, created.body.id, await login(server, 'invest'))
    await synced(nextYear)
    writeParagraph(nextYear.doc, 'investment-channels', '赴长三角开展驻点招商20xx次。新开辟粤港澳大湾区招商专线，全年对接企业40家。')
    await waitFor(() => sectionText(nextYear.doc, 'investment-channels').includes('粤港澳'))
    await expect
      .poll(async () => (await api<{ checks: Array<{ kind: string }> }>(server, `/api/summaries/${created.body.id}/preflight`, { token: admin })).body.checks.filter((check) => check.kind === 'repeated'), { timeout: 5000 })
      .toEqual([{ kind: 'repeated', sectionId: 'investment-channels', message: '“1.拓宽招商渠道”中有 1 句与上年总结原文相同，如“赴长三角开展驻点招商20xx次。”，请确认是否需要更新' }])
    // This year's summary continues none: nothing to compare.
    expect((await api<{ checks: Array<{ kind: string }> }>(server, `/api/summaries/${summaryId}/preflight`, { token: admin })).body.checks.some((check) => check.kind === 'repeated')).toBe(false)
    nextYear.destroy()
  })

  it('keeps a table a writer made in a section and prints it in every format', async () => {
    const table = tableElement([['项目', '进展'], ['标准厂房', '主体完工']], { header: true })
    const fragment = writer.doc.getXmlFragment('section:investment-service')
    fragment.insert(fragment.length, [table])
    await waitFor(async () => (await (await download('txt')).text()).includes('　　项目 | 进展\n　　标准厂房 | 主体完工\n'))
    expect(writer.closes).toEqual([])
    expect(await (await download('md')).text()).toContain('| 项目 | 进展 |\n| --- | --- |\n| 标准厂房 | 主体完工 |')
    expect(await (await download('html')).text()).toContain('<table class="grid"><tr><th>项目</th><th>进展</th></tr><tr><td>标准厂房</td><td>主体完工</td></tr></table>')
    const xml = strFromU8(unzipSync(new Uint8Array(await (await download('docx')).arrayBuffer()))['word/document.xml']!)
    expect(xml).toMatch(/<w:tblHeader\/>[^]*?项目[^]*?进展[^]*?标准厂房[^]*?主体完工/)
  })
})

