import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { numbersAsText } from '../../server/upload/numbersAsText.mjs'

const GBT_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
]

const rawText = async (document: Document) => {
  const bytes = numbersAsText(new Uint8Array(await Packer.toBuffer(document)))
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.split('\n').filter((line) => line !== '')
}

describe('numbersAsText (Word’s automatic numbering as text)', () => {
  it('writes a multilevel list’s numbers in front of its headings, the levels under one starting again', async () => {
    const numbered = (text: string, level: number, instance = 1) => new Paragraph({ numbering: { reference: 'gbt', level, instance }, children: [new TextRun(text)] })
    const document = new Document({
      numbering: { config: [{ reference: 'gbt', levels: GBT_LEVELS }, { reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '●', alignment: AlignmentType.LEFT }] }] },
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('青山工业园区管理委员会2025年度工作总结')] }),
          numbered('主要工作完成情况', 0),
          numbered('招商引资取得新突破', 1),
          numbered('拓宽招商渠道', 2),
          numbered('优化项目服务', 2),
          numbered('项目建设提速增效', 1),
          numbered('强化要素保障', 2),
          new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('要点，不是编号')] }),
          numbered('存在的问题和不足', 0),
          numbered('另起一份清单', 0, 2),
          numbered('二、编号又手写了一遍', 0, 2),
        ],
      }],
    })
    expect(await rawText(document)).toEqual([
      '青山工业园区管理委员会2025年度工作总结',
      '一、主要工作完成情况',
      '（一）招商引资取得新突破',
      '1.拓宽招商渠道',
      '2.优化项目服务',
      '（二）项目建设提速增效',
      '1.强化要素保障',
      '要点，不是编号',
      '二、存在的问题和不足',
      '一、另起一份清单',
      '二、编号又手写了一遍',
    ])
  })

  it('numbers a heading whose style brings the list (标题 1 tied to 一、), past ten', async () => {
    const document = new Document({
      numbering: { config: [{ reference: 'gbt', levels: GBT_LEVELS }] },
      styles: { paragraphStyles: [{ id: 'GbtHeading1', name: 'GB Heading 1', paragraph: { numbering: { reference: 'gbt', level: 0 } } }] },
      sections: [{ children: Array.from({ length: 12 }, (_, index) => new Paragraph({ style: 'GbtHeading1', children: [new TextRun(`第${index + 1}项工作`)] })) }],
    })
    const lines = await rawText(document)
    expect(lines.slice(0, 2)).toEqual(['一、第1项工作', '二、第2项工作'])
    expect(lines.slice(9)).toEqual(['十、第10项工作', '十一、第11项工作', '十二、第12项工作'])
  })

  it('leaves a file without lists, or one it cannot read, as it was', async () => {
    const plain = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一、手写的编号')] }] })))
    expect(numbersAsText(plain)).toBe(plain)
    const broken = new Uint8Array([80, 75, 3, 4, 9, 9])
    expect(numbersAsText(broken)).toBe(broken)
  })
})
