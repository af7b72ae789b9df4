import { describe, expect, it } from 'vitest'
import { diffReadable, diffWithinParagraph } from '../../shared/diffParagraphs.js'

describe('diffWithinParagraph', () => {
  it('changes a figure as one word, not digit by digit', () => {
    expect(diffWithinParagraph('协议资金4.8亿元。', '协议资金5.2亿元。')).toEqual([
      { op: 'equal', text: '协议资金' },
      { op: 'delete', text: '4.8' },
      { op: 'insert', text: '5.2' },
      { op: 'equal', text: '亿元。' },
    ])
  })

  it('gives up on a paragraph rewritten for the most part', () => {
    expect(diffWithinParagraph('全年新签项目20个。', '安全生产形势总体平稳，未发生事故。')).toBeNull()
  })
})

describe('diffReadable', () => {
  it('pairs a removed paragraph with the one added in its place, the rest whole', () => {
    expect(diffReadable(['甲段不变。', '全年新签项目20个。', '旧的一段话删掉了。'], ['甲段不变。', '全年新签项目24个。', '完全不同的新内容在这里。', '又加一段。'])).toEqual([
      { op: 'equal', text: '甲段不变。' },
      { op: 'change', parts: [{ op: 'equal', text: '全年新签项目' }, { op: 'delete', text: '20' }, { op: 'insert', text: '24' }, { op: 'equal', text: '个。' }] },
      { op: 'delete', text: '旧的一段话删掉了。' },
      { op: 'insert', text: '完全不同的新内容在这里。' },
      { op: 'insert', text: '又加一段。' },
    ])
  })

  it('reads a section written from nothing as added, and one emptied as removed', () => {
    expect(diffReadable([], ['新写的一段。'])).toEqual([{ op: 'insert', text: '新写的一段。' }])
    expect(diffReadable(['删掉的一段。'], [])).toEqual([{ op: 'delete', text: '删掉的一段。' }])
  })
})
