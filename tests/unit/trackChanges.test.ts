import { describe, expect, it } from 'vitest'
import type { Block, ExportDocument, ExportSection, Inline } from '../../shared/export/model.js'
import { trackChanges } from '../../shared/export/trackChanges.js'

const paragraph = (text: string, bold = false): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text, ...(bold ? { bold } : {}) }] })
const section = (id: string, number: string, title: string, blocks: Block[]): ExportSection => ({ id, number, title, level: 1, lead: false, blocks })
const document = (sections: ExportSection[]): ExportDocument => ({ title: '总结', organisation: '园区', date: '2026年12月31日', sections })
const revision = { author: '汇总', date: '2026-12-31T00:00:00.000Z' }
/** A block's text with changes marked: [+inserted+] [-deleted-]. */
const shown = (block: Block): string =>
  block.kind === 'paragraph'
    ? block.inlines.map((inline: Inline) => (inline.kind === 'break' ? '\n' : inline.change === 'insert' ? `[+${inline.text}+]` : inline.change === 'delete' ? `[-${inline.text}-]` : inline.text)).join('')
    : block.kind

describe('修订版: changes since a version as tracked changes', () => {
  const before = document([
    section('a', '一、', '主要工作', [paragraph('全年新签工业项目18个，协议资金4.8亿元。'), paragraph('不变的一段。', true)]),
    section('b', '二、', '存在的问题', [paragraph('这一段后来整段改写了，原来说的是别的内容。')]),
    section('c', '三、', '删掉的章节', [paragraph('这一节后来删了。')]),
  ])
  const after = document([
    section('a', '一、', '主要工作成效', [paragraph('全年新签工业项目19个，协议资金5.2亿元。'), paragraph('不变的一段。', true), paragraph('新加的一段。')]),
    section('b', '二、', '存在的问题', [paragraph('完全不同的文字。')]),
    section('d', '三、', '新章节', [paragraph('新章节的内容。')]),
  ])
  const tracked = trackChanges(before, after, revision)

  it('marks what changed inside a paragraph word by word, and keeps untouched paragraphs as they were', () => {
    const [first] = tracked.sections
    expect(first!.blocks.map(shown)).toEqual(['全年新签工业项目[-18-][+19+]个，协议资金[-4.8-][+5.2+]亿元。', '不变的一段。', '[+新加的一段。+]'])
    expect(first!.blocks[1]).toEqual(paragraph('不变的一段。', true))
    expect(first!.titleChanges).toEqual([{ kind: 'text', text: '主要工作' }, { kind: 'text', text: '成效', change: 'insert' }])
  })

  it('shows a rewritten paragraph as deleted and inserted whole, not as a scatter of characters', () => {
    expect(tracked.sections[1]!.blocks.map(shown)).toEqual(['[-这一段后来整段改写了，原来说的是别的内容。-]', '[+完全不同的文字。+]'])
    expect(tracked.sections[1]!.titleChanges).toBeUndefined()
  })

  it('shows a removed section deleted where it was and a new one inserted', () => {
    expect(tracked.sections.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd'])
    const removed = tracked.sections[2]!
    expect([removed.number, removed.titleChanges, removed.blocks.map(shown)]).toEqual(['', [{ kind: 'text', text: '三、删掉的章节', change: 'delete' }], ['[-这一节后来删了。-]']])
    const added = tracked.sections[3]!
    expect([added.number, added.titleChanges, added.blocks.map(shown)]).toEqual(['三、', [{ kind: 'text', text: '新章节', change: 'insert' }], ['[+新章节的内容。+]']])
    expect(tracked.revision).toEqual(revision)
  })

  it('compares a moved section where it is now', () => {
    const moved = trackChanges(document([section('x', '一、', '甲', [paragraph('甲文')]), section('y', '二、', '乙', [paragraph('乙文')])]), document([section('y', '一、', '乙', [paragraph('乙文改')]), section('x', '二、', '甲', [paragraph('甲文')])]), revision)
    expect(moved.sections.map((entry) => [entry.id, entry.blocks.map(shown).join('|')])).toEqual([['y', '乙文[+改+]'], ['x', '甲文']])
  })
})

describe('修订版 of a writers’ table', () => {
  const cells = (...texts: string[]) => texts.map((text) => ({ inlines: text ? [{ kind: 'text', text } as Inline] : [], colspan: 1, rowspan: 1 }))
  const grid = (...rows: ReturnType<typeof cells>[]): Block => ({ kind: 'grid', headerRows: 1, rows })
  /** Each cell as text with its changes marked, rows joined by /. */
  const table = (block: Block): string =>
    block.kind === 'grid' ? block.rows.map((row) => row.map((cell) => shown({ kind: 'paragraph', inlines: cell.inlines })).join('|')).join(' / ') : block.kind
  const compare = (before: Block, after: Block) => trackChanges(document([section('a', '一、', '甲', [before])]), document([section('a', '一、', '甲', [after])]), revision).sections[0]!.blocks.map(table)

  it('marks a changed cell word by word, a row added as inserted and a row removed as deleted', () => {
    const before = grid(cells('项目', '进度'), cells('智能装备产业园', '完成投资3亿元'), cells('污水处理厂', '已开工'))
    const after = grid(cells('项目', '进度'), cells('智能装备产业园', '完成投资3.6亿元'), cells('标准厂房三期', '主体完工'))
    expect(compare(before, after)).toEqual(['项目|进度 / 智能装备产业园|完成投资[-3-][+3.6+]亿元 / [-污水处理厂-]|[-已开工-] / [+标准厂房三期+]|[+主体完工+]'])
  })

  it('marks a table added or removed whole, and leaves one with merged rows as it is now when rows came or went', () => {
    expect(trackChanges(document([section('a', '一、', '甲', [])]), document([section('a', '一、', '甲', [grid(cells('项目'), cells('新表'))])]), revision).sections[0]!.blocks.map(table)).toEqual(['[+项目+] / [+新表+]'])
    const merged = (...rows: ReturnType<typeof cells>[]): Block => ({ kind: 'grid', headerRows: 1, rows: [[{ ...cells('园区')[0]!, rowspan: 2 }, ...cells('一期')], ...rows] })
    const now = merged(cells('二期'), cells('三期', '新'))
    expect(compare(merged(cells('二期')), now)).toEqual([table(now)])
  })
})

