import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { searchSummary } from '../../shared/searchSummary.js'
import { buildFixture } from './exportFixture.js'

const writeProblems = (doc: Y.Doc, line: string) => {
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  text.insert(0, line)
  paragraph.insert(0, [text])
  doc.getXmlFragment(sectionRoot('problems')).insert(0, [paragraph])
}

describe('在所有总结中查找, in one summary', () => {
  it('finds a phrase with its section heading and the text around it, Latin letters in any case', () => {
    const doc = buildFixture()
    writeProblems(doc, '推行EPC总承包，epc模式仍需完善。')
    expect(searchSummary(doc, 'Epc', 10)).toEqual([
      { sectionId: 'problems', heading: '二、存在的问题', before: '推行', match: 'EPC', after: '总承包，epc模式仍需完善。' },
      { sectionId: 'problems', heading: '二、存在的问题', before: '推行EPC总承包，', match: 'epc', after: '模式仍需完善。' },
    ])
    expect(searchSummary(doc, 'Epc', 1)).toHaveLength(1)
  })

  it('keeps each hit in place after a letter whose lower case is longer (İ)', () => {
    const doc = buildFixture()
    writeProblems(doc, 'İzmir展会上签约EPC项目。')
    expect(searchSummary(doc, 'epc', 10)).toEqual([{ sectionId: 'problems', heading: '二、存在的问题', before: 'İzmir展会上签约', match: 'EPC', after: '项目。' }])
  })

  it('finds a phrase in a heading, as numbered, before the section’s text', () => {
    const doc = buildFixture()
    writeProblems(doc, '存在的问题主要是要素保障不足。')
    expect(searchSummary(doc, '存在的问题', 10)).toEqual([
      { sectionId: 'problems', heading: '二、存在的问题', before: '二、', match: '存在的问题', after: '', inHeading: true },
      { sectionId: 'problems', heading: '二、存在的问题', before: '', match: '存在的问题', after: '主要是要素保障不足。' },
    ])
  })

  it('finds figures as they print and leaves tables of figures out', () => {
    const doc = buildFixture()
    // The paragraph prints 协议资金4.8亿元; the section's table of the same figure is not a hit.
    expect(searchSummary(doc, '协议资金', 10)).toEqual([expect.objectContaining({ sectionId: 'invest', before: '全年', after: expect.stringMatching(/^4\.8亿元，/) })])
  })
})
