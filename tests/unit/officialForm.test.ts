import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { writeMeta } from '../../shared/doc/outline.js'
import { buildExportDocument } from '../../shared/export/buildExportDocument.js'
import { writeHtml } from '../../shared/export/html.js'
import { writeMarkdown } from '../../shared/export/markdown.js'
import { writePlainText } from '../../shared/export/plainText.js'
import { compactOfficialForm, readOfficialForm } from '../../shared/officialForm.js'
import { officialFormSchema } from '../../shared/schema/officialForm.js'
import { titleLines, writeDocx } from '../../server/export/docx.js'
import { buildFixture } from './exportFixture.js'

const OFFICIAL = { addressee: '县委、县政府', number: '青园管发〔2026〕15号', copyTo: '县人大常委会办公室，县政协办公室', printedBy: '青山园区管委会办公室' }

const fixtureWith = (official: Record<string, string> | null) => {
  const doc = buildFixture()
  writeMeta(doc, { official })
  return doc
}

const documentXml = async (letterhead: boolean, official: Record<string, string> | null = OFFICIAL) =>
  strFromU8(unzipSync(new Uint8Array(await writeDocx(buildExportDocument(fixtureWith(official), { date: '2026年12月31日', letterhead }))))['word/document.xml']!)

/** The text of the XML's runs between two indices. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')

describe('公文格式 settings', () => {
  it('puts the year of a 发文字号 in 六角括号 and drops the colon the export adds itself', () => {
    const parsed = officialFormSchema.parse({ addressee: ' 县委、县政府： ', number: '青园管发[2026]15号', copyTo: '县人大办; 县政协办。', printedBy: '' })
    expect(parsed).toEqual({ addressee: '县委、县政府', number: '青园管发〔2026〕15号', copyTo: '县人大办，县政协办', printedBy: '' })
    expect(officialFormSchema.parse({ number: '青园管发（2026）3号' }).number).toBe('青园管发〔2026〕3号')
    expect(officialFormSchema.parse({ number: '青园管发【2026】3号' }).number).toBe('青园管发〔2026〕3号')
    expect(compactOfficialForm(parsed)).toEqual({ addressee: '县委、县政府', number: '青园管发〔2026〕15号', copyTo: '县人大办，县政协办' })
    expect(compactOfficialForm({ addressee: '', number: '' })).toBeNull()
  })

  it('refuses a field of several lines, an overlong one and an unknown one', () => {
    expect(officialFormSchema.safeParse({ addressee: '县委\n县政府' }).success).toBe(false)
    expect(officialFormSchema.safeParse({ number: '号'.repeat(41) }).success).toBe(false)
    expect(officialFormSchema.safeParse({ secrecy: '秘密' }).success).toBe(false)
  })

  it('reads only string fields of what the meta holds', () => {
    expect(readOfficialForm({ addressee: '县委', number: 15, copyTo: '' })).toEqual({ addressee: '县委' })
    expect(readOfficialForm('县委')).toBeUndefined()
    expect(readOfficialForm({ number: 3 })).toBeUndefined()
  })
})

describe('主送机关 or 称谓 in the exports', () => {
  it('stands under the title with a full-width colon in every format', () => {
    const model = buildExportDocument(fixtureWith({ addressee: '尊敬的各位领导' }), { date: '2026年12月31日' })
    expect(writePlainText(model).startsWith('青山园区2026年度工作总结\n\n尊敬的各位领导：\n一、主要工作\n')).toBe(true)
    expect(writeMarkdown(model)).toContain('# 青山园区2026年度工作总结\n\n尊敬的各位领导：\n\n## 一、主要工作')
    expect(writeHtml(model)).toContain('<h1>青山园区2026年度工作总结</h1>\n<p class="addressee">尊敬的各位领导：</p>')
    expect(writePlainText(buildExportDocument(fixtureWith(null), { date: '2026年12月31日' }))).not.toContain('：\n一、')
  })

  it('is flush left in the .docx, right after the title', async () => {
    const xml = await documentXml(false)
    const paragraphs = xml.split('<w:p>').slice(1)
    const index = paragraphs.findIndex((paragraph) => textOf(paragraph) === '县委、县政府：')
    expect(textOf(paragraphs[index - 1]!)).toBe('青山园区2026年度工作总结')
    expect(paragraphs[index]).not.toContain('w:firstLine')
    expect(textOf(paragraphs[index + 1]!)).toBe('一、主要工作')
  })
})

describe('红头 (letterhead) in the .docx', () => {
  it('prints the 发文机关标志 in red, the 发文字号 over a red rule, then the title', async () => {
    const xml = await documentXml(true)
    const paragraphs = xml.split('<w:p>').slice(1)
    expect(textOf(paragraphs[0]!)).toBe('青山园区管委会文件') // {organisation}文件 when no issuer is set
    expect(paragraphs[0]).toContain('<w:color w:val="FF0000"/>')
    expect(textOf(paragraphs[1]!)).toBe('青园管发〔2026〕15号')
    expect(paragraphs[1]).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"[^>]*\/><\/w:pBdr>/)
    expect(textOf(paragraphs[2]!)).toBe('青山园区2026年度工作总结')
    expect(textOf(paragraphs[3]!)).toBe('县委、县政府：')
  })

  it('sets the 发文机关标志 35 mm into the text area', async () => {
    const first = (await documentXml(true)).split('<w:p>')[1]!
    expect(first).toContain('<w:spacing w:after="1158" w:before="1984"/>')
  })

  it('puts the 发文字号 left and the 签发人 right for a report sent up (上行文)', async () => {
    const line = (await documentXml(true, { ...OFFICIAL, signer: '王某某' })).split('<w:p>')[2]!
    expect(textOf(line)).toBe('青园管发〔2026〕15号签发人：王某某')
    expect(line).not.toContain('<w:jc w:val="center"/>')
    expect(line).toMatch(/<w:tabs><w:tab w:val="right" w:pos="8524"\/><\/w:tabs>/)
    expect(line).toMatch(/<w:t xml:space="preserve">青园管发〔2026〕15号<\/w:t><w:tab\/><w:t xml:space="preserve">签发人：<\/w:t>/)
    expect(line).toMatch(/w:eastAsia="楷体_GB2312"[^]*王某某/)
    expect(line).toContain('w:color="FF0000"') // the red rule stays under it
  })

  it('takes the 发文机关标志 set for the summary', async () => {
    const xml = await documentXml(true, { ...OFFICIAL, issuer: '青山园区管理委员会文件' })
    expect(textOf(xml.split('<w:p>')[1]!)).toBe('青山园区管理委员会文件')
  })

  it('ends with the 版记 floating at the foot of the last page: 抄送 and 印发 between rules', async () => {
    const xml = await documentXml(true)
    const table = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'))
    expect(table).toContain('w:tblpYSpec="bottom"')
    expect(table).toMatch(/<w:top w:val="single"[^>]*w:sz="8"\/>/)
    expect(table).toMatch(/<w:insideH w:val="single"[^>]*w:sz="6"\/>/)
    expect(textOf(table)).toBe('抄送：县人大常委会办公室，县政协办公室。青山园区管委会办公室2026年12月31日印发')
    expect(table).toContain('<w:tab/>')
    // After the closing: nothing but the paragraph a floating table needs follows it.
    expect(textOf(xml.slice(0, xml.lastIndexOf('<w:tbl>'))).endsWith('青山园区管委会2026年12月31日')).toBe(true)
    expect(textOf(xml.slice(xml.lastIndexOf('</w:tbl>')))).toBe('')
  })

  it('leaves the 版记 out when there is neither 抄送 nor 印发机关, and prints no 版头 unless asked', async () => {
    const bare = await documentXml(true, { number: '青园管发〔2026〕15号' })
    expect(bare).toContain('青园管发〔2026〕15号')
    expect(bare).not.toContain('w:tblpPr')
    const plain = await documentXml(false)
    expect(plain).not.toContain('FF0000')
    expect(plain).not.toContain('青园管发')
    expect(plain).not.toContain('印发')
  })
})

describe('title lines', () => {
  it('breaks a title too long for one line after the organisation, and leaves short ones whole', () => {
    expect(titleLines('青山工业园区管理委员会2026年度工作总结', '青山工业园区管理委员会')).toEqual(['青山工业园区管理委员会2026年度工作总结'])
    expect(titleLines('青山经济技术开发区管理委员会2026年度工作总结和2027年工作打算', '青山经济技术开发区管理委员会')).toEqual(['青山经济技术开发区管理委员会', '2026年度工作总结和2027年工作打算'])
    expect(titleLines('关于青山经济技术开发区管理委员会2026年度工作情况的总结报告', '青山经济技术开发区管理委员会')).toHaveLength(1)
  })
})
