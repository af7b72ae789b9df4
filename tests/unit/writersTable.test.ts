import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { buildExportDocument } from '../../shared/export/buildExportDocument.js'
import { writeHtml } from '../../shared/export/html.js'
import { writeMarkdown } from '../../shared/export/markdown.js'
import { writePlainText } from '../../shared/export/plainText.js'
import { trackChanges } from '../../shared/export/trackChanges.js'
import { checkSummary } from '../../shared/preflight.js'
import { analyseSection } from '../../shared/sectionAnalysis.js'
import { readIndicators } from '../../shared/doc/indicators.js'
import { writeDocx } from '../../server/export/docx.js'
import { buildFixture } from './exportFixture.js'

const text = (value: string) => {
  const node = new Y.XmlText()
  node.insert(0, value)
  return node
}
const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes: Record<string, unknown> = {}) => {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  node.insert(0, children)
  return node
}
const cell = (name: 'tableCell' | 'tableHeader', ...paragraphs: Array<Array<Y.XmlElement | Y.XmlText>>) =>
  element(name, paragraphs.map((children) => element('paragraph', children)), { colspan: 1, rowspan: 1 })
const spanning = (colspan: number, rowspan: number, value: string) => element('tableCell', [element('paragraph', [text(value)])], { colspan, rowspan })

/** 重点项目进展情况表 in 存在的问题 (a writers' table), with a live figure and a placeholder in it. */
const withTable = (): Y.Doc => {
  const doc = buildFixture()
  doc.getXmlFragment(sectionRoot('problems')).insert(0, [
    element('paragraph', [text('重点项目进展如下：')]),
    element('table', [
      element('tableRow', [cell('tableHeader', [text('项目')]), cell('tableHeader', [text('进展')])]),
      element('tableRow', [cell('tableCell', [text('标准厂房')]), cell('tableCell', [text('已完成主体，投资')], [element('indicator', [], { key: 'agreed_funds', show: 'value' })])]),
      element('tableRow', [cell('tableCell', [text('污水管网')]), cell('tableCell', [text('20xx年底完工')])]),
    ]),
  ])
  return doc
}

const model = () => buildExportDocument(withTable(), { date: '2026年12月31日' })

describe("a table the writers made", () => {
  it('reads as a table of cells with its heading row, figures as printed', () => {
    const problems = model().sections.find((section) => section.id === 'problems')!
    expect(problems.blocks[1]).toMatchObject({ kind: 'grid', headerRows: 1 })
    const grid = problems.blocks[1] as Extract<(typeof problems.blocks)[number], { kind: 'grid' }>
    expect(grid.rows.map((row) => row.map((cell) => cell.inlines.map((inline) => (inline.kind === 'text' ? inline.text : '/')).join('')))).toEqual([
      ['项目', '进展'],
      ['标准厂房', '已完成主体，投资/4.8亿元'],
      ['污水管网', '20xx年底完工'],
    ])
  })

  it('prints in every format', async () => {
    expect(writePlainText(model())).toContain('二、存在的问题\n　　重点项目进展如下：\n　　项目 | 进展\n　　标准厂房 | 已完成主体，投资 4.8亿元\n　　污水管网 | 20xx年底完工\n')
    expect(writeMarkdown(model())).toContain('| 项目 | 进展 |\n| --- | --- |\n| 标准厂房 | 已完成主体，投资<br>4.8亿元 |\n| 污水管网 | 20xx年底完工 |')
    expect(writeHtml(model())).toContain('<table class="grid"><tr><th>项目</th><th>进展</th></tr><tr><td>标准厂房</td><td>已完成主体，投资<br><span class="figure">4.8亿元</span></td></tr>')
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(model())))['word/document.xml']!)
    const table = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'))
    expect(table).toContain('<w:tblHeader/>')
    expect([...table.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1])).toEqual(['项目', '进展', '标准厂房', '已完成主体，投资', '4.8亿元', '污水管网', '20xx年底完工'])
    expect(table).toContain('<w:br/>')
  })

  it('is checked like the rest of the typed text: placeholders, words', () => {
    const doc = withTable()
    const analysis = analyseSection(doc, 'problems', readIndicators(doc))
    expect([...analysis.placeholders.keys()]).toEqual(['20xx'])
    expect(analysis.words).toBeGreaterThan(25)
    expect(checkSummary(doc).problems.some((problem) => problem.kind === 'placeholder' && problem.sectionId === 'problems')).toBe(true)
  })

  it('shows as it is now in a 修订版, and a changed one is not lost', () => {
    const before = buildExportDocument(buildFixture(), { date: '2026年12月31日' })
    const revised = trackChanges(before, model(), { author: '汇总', date: '2026-12-31T00:00:00Z' })
    const problems = revised.sections.find((section) => section.id === 'problems')!
    expect(problems.blocks.map((block) => block.kind)).toEqual(['paragraph', 'grid'])
    expect(trackChanges(model(), model(), { author: '汇总', date: '2026-12-31T00:00:00Z' }).sections.find((section) => section.id === 'problems')!.blocks[1]!.kind).toBe('grid')
  })

  it('keeps merged cells merged in HTML and Word', async () => {
    const doc = buildFixture()
    doc.getXmlFragment(sectionRoot('problems')).insert(0, [
      element('table', [
        element('tableRow', [spanning(2, 1, '合计'), cell('tableCell', [text('3')])]),
        element('tableRow', [spanning(1, 2, '一期'), cell('tableCell', [text('厂房')]), cell('tableCell', [text('1')])]),
        element('tableRow', [cell('tableCell', [text('道路')]), cell('tableCell', [text('2')])]),
      ]),
    ])
    const merged = buildExportDocument(doc, { date: '2026年12月31日' })
    expect(writeHtml(merged)).toContain('<tr><td colspan="2">合计</td><td>3</td></tr><tr><td rowspan="2">一期</td><td>厂房</td><td>1</td></tr><tr><td>道路</td><td>2</td></tr>')
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(merged)))['word/document.xml']!)
    const table = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'))
    expect(table).toContain('<w:gridSpan w:val="2"/>')
    expect(table).toContain('<w:vMerge w:val="restart"/>')
    expect(table).toContain('<w:vMerge w:val="continue"/>')
  })
})

