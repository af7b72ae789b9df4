import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { buildExportDocument } from '../../shared/export/buildExportDocument.js'
import { writeHtml } from '../../shared/export/html.js'
import { writeMarkdown } from '../../shared/export/markdown.js'
import { chinaIsoDay, formatChineseDate, parseChinaDay } from '../../shared/chinaDay.js'
import { writePlainText } from '../../shared/export/plainText.js'
import { closingIndents, writeDocx } from '../../server/export/docx.js'
import { buildSummaryDoc } from '../../server/summary/buildSummaryDoc.js'
import { buildFixture, template } from './exportFixture.js'

const model = () => buildExportDocument(buildFixture(), { date: '2026年12月31日' })

describe('export writers', () => {
  it('writes the final plain text: title, numbered headings, paragraphs, figures, closing', () => {
    expect(writePlainText(model())).toBe(
      [
        '青山园区2026年度工作总结',
        '',
        '一、主要工作',
        '　　全年围绕中心工作，成效明显。',
        '（一）招商引资成效显著',
        '　　全年协议资金4.8亿元，同比增长20.0%；到位资金【待填：到位资金】。',
        '　　· 引进项目<script>alert(1)</script>',
        '　　· 20**年计划',
        '　　指标 | 本年 | 上年 | 同比 | 目标 | 完成率',
        '　　协议资金 | 4.8亿元 | 4亿元 | 增长20.0% | 4.5亿元 | 107%',
        '1.拓宽渠道',
        '（1）参加展会',
        '　　参加xx博览会□',
        '二、存在的问题',
        '',
        '青山园区管委会',
        '2026年12月31日',
        '',
      ].join('\n'),
    )
  })

  it('never exports comments', () => {
    for (const text of [writePlainText(model()), writeMarkdown(model()), writeHtml(model())]) expect(text).not.toContain('评论不应出现')
  })

  it('writes Markdown with bold, lists, tables and literal placeholders', () => {
    const markdown = writeMarkdown(model())
    expect(markdown).toContain('# 青山园区2026年度工作总结')
    expect(markdown).toContain('## 一、主要工作')
    expect(markdown).toContain('### （一）招商引资成效显著')
    expect(markdown).toContain('全年围绕中心工作，**成效明显**。')
    expect(markdown).toContain('- 20\\*\\*年计划')
    expect(markdown).toContain('| 协议资金 | 4.8亿元 | 4亿元 | 增长20.0% | 4.5亿元 | 107% |')
  })

  it('escapes text in HTML', () => {
    const html = writeHtml(model())
    expect(html).toContain('引进项目&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
    expect(html).toContain('<strong>成效明显</strong>')
    expect(html).toContain('<p class="closing">青山园区管委会<br>2026年12月31日</p>')
  })

  it('writes .docx in the GB/T 9704 layout', async () => {
    const files = unzipSync(new Uint8Array(await writeDocx(model())))
    const document = strFromU8(files['word/document.xml']!)
    expect(strFromU8(files['word/styles.xml']!)).toMatch(/<w:rPrDefault>[^]*<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>[^]*<\/w:rPrDefault>/)
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"')
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579"')
    // 2号 小标宋, off the 28-character grid (on it each character would take two cells).
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:snapToGrid w:val="false"\/><w:sz w:val="44"\/>/)
    expect(document).toMatch(/w:eastAsia="黑体"[^]*?一、主要工作/)
    expect(document).toMatch(/w:eastAsia="楷体_GB2312"[^]*?（一）招商引资成效显著/)
    // Headings carry their outline level (Word's 导航窗格, a 目录, screen readers); body text none.
    expect(document).toMatch(/<w:outlineLvl w:val="0"\/>(?:(?!<w:p>)[^])*?一、主要工作/)
    expect(document).toMatch(/<w:outlineLvl w:val="1"\/>(?:(?!<w:p>)[^])*?（一）招商引资成效显著/)
    expect(document).not.toMatch(/<w:outlineLvl[^>]*>(?:(?!<w:p>)[^])*?全年围绕中心工作/)
    expect(document).toMatch(/<w:ind w:firstLine="640"\/>[^]*?全年围绕中心工作/)
    expect(document).toContain('w:line="579" w:lineRule="exact"')
    expect(document).toMatch(/<w:jc w:val="right"\/>[^]*?2026年12月31日/)
    expect(document).not.toContain('评论不应出现')
    const footers = Object.keys(files).filter((name) => /^word\/footer\d\.xml$/.test(name)).map((name) => strFromU8(files[name]!))
    expect(footers).toHaveLength(2)
    for (const footer of footers) {
      expect(footer).toContain('w:eastAsia="宋体"')
      expect(footer).toContain('<w:sz w:val="28"/>')
      expect(footer).toMatch(/— [^]*PAGE[^]* —/)
    }
    expect(footers.map((footer) => /<w:jc w:val="(\w+)"/.exec(footer)![1]).sort()).toEqual(['left', 'right'])
    expect(strFromU8(files['word/settings.xml']!)).toContain('<w:evenAndOddHeaders/>')
  })

  it('formats the closing date in China Standard Time', () => {
    expect(formatChineseDate(new Date('2026-12-30T20:00:00Z'))).toBe('2026年12月31日')
    expect(chinaIsoDay(new Date('2026-12-30T20:00:00Z'))).toBe('2026-12-31')
  })

  it('takes a chosen closing date (落款日期) only as a real day in YYYY-MM-DD', () => {
    expect(formatChineseDate(parseChinaDay('2026-12-31')!)).toBe('2026年12月31日')
    expect(formatChineseDate(parseChinaDay('2028-02-29')!)).toBe('2028年2月29日')
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '2026年12月31日', '', '0999-01-01']) expect(parseChinaDay(bad)).toBeNull()
  })
})

describe('a lead (导语) before 一、', () => {
  const withLead = () => {
    const doc = buildSummaryDoc(
      { ...template, sections: [{ id: 'lead', title: '导语', department: '办公室', lead: true }, ...template.sections] },
      { title: '青山园区2026年度工作总结', year: 2026, organisation: '青山园区管委会', templateId: 'mini' },
      new Map([['办公室', 'd1'], ['招商部', 'd2']]),
    )
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('2026年，园区围绕中心工作，现将全年工作总结如下：')])
    doc.getXmlFragment(sectionRoot('lead')).insert(0, [paragraph])
    return buildExportDocument(doc, { date: '2026年12月31日' })
  }

  it('is printed as paragraphs right after the title, without a heading, and numbering starts after it', async () => {
    const document = withLead()
    expect(document.sections.map((section) => section.number)).toEqual(['', '一、', '（一）', '1.', '（1）', '二、'])
    expect(writePlainText(document)).toMatch(/^青山园区2026年度工作总结\n\n　　2026年，园区围绕中心工作，现将全年工作总结如下：\n一、主要工作\n/)
    expect(writeMarkdown(document)).toMatch(/^# 青山园区2026年度工作总结\n\n2026年，园区围绕中心工作，现将全年工作总结如下：\n\n## 一、主要工作/)
    expect(writeHtml(document)).toContain('<section data-section-id="lead"><p>2026年')
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(document)))['word/document.xml']!)
    expect(xml).not.toContain('导语')
    expect(xml.indexOf('现将全年工作总结如下')).toBeLessThan(xml.indexOf('一、主要工作'))
  })
})

describe('附件：指标汇总表', () => {
  it('lists every figure after the closing, in every format, only when asked', async () => {
    const withAppendix = buildExportDocument(buildFixture(), { date: '2026年12月31日', appendix: true })
    expect(buildExportDocument(buildFixture(), { date: '2026年12月31日' }).appendix).toBeUndefined()
    expect(writePlainText(withAppendix)).toMatch(/\n2026年12月31日\n\n附件\n指标汇总表\n　　指标 \| 本年 \| 上年 \| 同比 \| 目标 \| 完成率\n　　协议资金 \| 4.8亿元 \| 4亿元 \| 增长20.0% \| 4.5亿元 \| 107%\n　　到位资金 \| 【待填：到位资金】 \| — \| — \| — \| —\n$/)
    expect(writeMarkdown(withAppendix)).toContain('## 附件：指标汇总表\n\n| 指标 | 本年 | 上年 | 同比 | 目标 | 完成率 |')
    expect(writeHtml(withAppendix)).toContain('<section class="appendix"><p>附件</p><h2>指标汇总表</h2><table>')
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(withAppendix)))['word/document.xml']!)
    expect(xml).toMatch(/<w:pageBreakBefore\/>[^]*?附件[^]*?指标汇总表[^]*?协议资金/)
    expect(xml.lastIndexOf('指标汇总表')).toBeGreaterThan(xml.indexOf('2026年12月31日'))
    // 附件说明: under the body, two characters in, before the closing.
    expect(writePlainText(withAppendix)).toContain('二、存在的问题\n\n　　附件：指标汇总表\n\n青山园区管委会\n2026年12月31日\n')
    expect(writeMarkdown(withAppendix)).toContain('附件：指标汇总表\n\n<div align="right">')
    expect(writeHtml(withAppendix)).toContain('<p class="appendix-note">附件：指标汇总表</p>\n<p class="closing">')
    expect(xml).toMatch(/<w:ind w:firstLine="640"\/><\/w:pPr><w:r>[^]*?>附件：指标汇总表<[^]*?青山园区管委会[^]*?2026年12月31日/)
    expect(writePlainText(buildExportDocument(buildFixture(), { date: '2026年12月31日' }))).not.toContain('附件：')
  })

  it('never leaves the closing alone on a page: the body’s last paragraph keeps with it', async () => {
    const doc = buildFixture()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('项目落地慢。')])
    doc.getXmlFragment(sectionRoot('problems')).insert(0, [paragraph])
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(buildExportDocument(doc, { date: '2026年12月31日' }))))['word/document.xml']!)
    const paragraphs = xml.split('<w:p>').slice(1)
    const at = (text: string) => paragraphs.findIndex((item) => item.includes(`>${text}<`))
    const last = at('项目落地慢。')
    expect(paragraphs[last]).toContain('<w:keepNext/>')
    expect(paragraphs[last + 1]).toContain('<w:keepNext/>') // the empty line
    expect(paragraphs[at('青山园区管委会')]).toContain('<w:keepNext/>')
    expect(paragraphs[at('2026年12月31日')]).not.toContain('<w:keepNext/>')
    expect(paragraphs[at('全年围绕中心工作，')]).not.toContain('<w:keepNext/>')
  })

  it('sets the date under the organisation, its first character two to the right of the name’s (GB/T 9704)', () => {
    // 青山工业园区管理委员会 (11) over 2026年12月31日 (7): the name two characters in, the date four.
    expect(closingIndents('青山工业园区管理委员会', '2026年12月31日')).toEqual([['青山工业园区管理委员会', 640], ['2026年12月31日', 1280]])
    // A short name moves left so that the date still starts two characters right of it.
    expect(closingIndents('青山园区管委会', '2026年12月31日')).toEqual([['青山园区管委会', 1280], ['2026年12月31日', 640]])
  })
})
