/**
 * Walks a summary's Y.Doc into the export model: meta, outline order and levels (numbered by
 * deriveNumbering), each section's Tiptap content read from its fragment with the editor's own
 * schema, and figures formatted by shared/indicators. Comments never appear.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { readIndicators } from '../doc/indicators.js'
import { readMeta, readOutline, type OutlineEntry } from '../doc/outline.js'
import { sectionRoot } from '../doc/roots.js'
import { sectionSchema } from '../editor/extensions.js'
import { parseTableKeys } from '../editor/indicatorTable.js'
import { formatIndicator, INDICATOR_TABLE_HEADER, indicatorTableRow } from '../indicators/format.js'
import type { IndicatorData, IndicatorShow } from '../indicators/types.js'
import { numberOutline } from '../numbering.js'
import type { Block, DraftMark, ExportDocument, GridCell, Inline } from './model.js'

type Figures = Record<string, IndicatorData>

const readInlines = (node: ProseMirrorNode, figures: Figures): Inline[] => {
  const inlines: Inline[] = []
  node.forEach((child) => {
    if (child.isText) {
      const marks = new Set(child.marks.map((mark) => mark.type.name))
      inlines.push({ kind: 'text', text: child.text ?? '', bold: marks.has('bold'), italic: marks.has('italic'), underline: marks.has('underline'), strike: marks.has('strike') })
    } else if (child.type.name === 'indicator') {
      const key = String(child.attrs.key)
      inlines.push({ kind: 'text', text: formatIndicator(figures[key], child.attrs.show as IndicatorShow, key), figure: true })
    } else if (child.type.name === 'hardBreak') {
      inlines.push({ kind: 'break' })
    }
  })
  return inlines
}

/** A writers' table; the header rows are the leading rows made of heading cells only. */
const gridBlock = (table: ProseMirrorNode, figures: Figures): Block => {
  const rows: GridCell[][] = []
  let headerRows = 0
  table.forEach((row) => {
    const cells: GridCell[] = []
    let headings = true
    row.forEach((cell) => {
      if (cell.type.name !== 'tableHeader') headings = false
      const inlines: Inline[] = []
      cell.forEach((paragraph, _offset, index) => inlines.push(...(index > 0 ? [{ kind: 'break' } as const] : []), ...readInlines(paragraph, figures)))
      cells.push({ inlines, colspan: Number(cell.attrs.colspan) || 1, rowspan: Number(cell.attrs.rowspan) || 1 })
    })
    if (headings && headerRows === rows.length) headerRows += 1
    rows.push(cells)
  })
  return { kind: 'grid', headerRows, rows }
}

const readBlocks = (node: ProseMirrorNode, figures: Figures): Block[] => {
  const blocks: Block[] = []
  node.forEach((child) => {
    switch (child.type.name) {
      case 'paragraph':
        blocks.push({ kind: 'paragraph', inlines: readInlines(child, figures) })
        break
      case 'bulletList':
      case 'orderedList': {
        const items: Block[][] = []
        child.forEach((item) => items.push(readBlocks(item, figures)))
        blocks.push({ kind: 'list', ordered: child.type.name === 'orderedList', items })
        break
      }
      case 'indicatorTable':
        blocks.push(indicatorTableBlock(parseTableKeys(child.attrs.keys), figures))
        break
      case 'table':
        blocks.push(gridBlock(child, figures))
        break
      default:
        blocks.push(...readBlocks(child, figures))
    }
  })
  return blocks
}

/** Drops paragraphs with nothing in them (an empty editor still holds one). */
const isEmptyParagraph = (block: Block): boolean =>
  block.kind === 'paragraph' && block.inlines.every((inline) => inline.kind === 'text' && inline.text.trim() === '')

/** A section's content as a ProseMirror document of the editor's schema. */
export const readSectionNode = (doc: Y.Doc, sectionId: string): ProseMirrorNode =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(sectionRoot(sectionId)), sectionSchema())

/** The section's content blocks, read with the editor's schema. */
export const readSectionBlocks = (doc: Y.Doc, sectionId: string, figures: Figures = readIndicators(doc)): Block[] =>
  readBlocks(readSectionNode(doc, sectionId), figures).filter((block) => !isEmptyParagraph(block))

/** Indicator keys a section uses, in inline nodes and tables. */
export const readSectionIndicatorKeys = (doc: Y.Doc, sectionId: string): string[] => {
  const keys: string[] = []
  readSectionNode(doc, sectionId).descendants((node) => {
    if (node.type.name === 'indicator') keys.push(String(node.attrs.key))
    if (node.type.name === 'indicatorTable') keys.push(...parseTableKeys(node.attrs.keys))
  })
  return keys
}

/** An indicator table (指标 | 本年 | 上年 | 同比 | 目标 | 完成率) of `keys`, as the exports print it. */
const indicatorTableBlock = (keys: readonly string[], figures: Figures): Block => ({
  kind: 'table',
  header: [...INDICATOR_TABLE_HEADER],
  rows: keys.map((key) => indicatorTableRow(key, figures[key])).map((row) => [row.label, row.current, row.previous || '—', row.change || '—', row.target || '—', row.completion || '—']),
})

/**
 * Which sections a department's part (部门分稿) prints: its own, with the sections above them as
 * headings only, so each keeps its place and number in the whole summary.
 */
const sectionsOfPart = (outline: readonly OutlineEntry[], departmentId: string): Map<string, 'whole' | 'heading'> => {
  const kept = new Map<string, 'whole' | 'heading'>()
  const above: OutlineEntry[] = []
  for (const entry of outline) {
    while (above.length > 0 && above.at(-1)!.level >= entry.level) above.pop()
    if (entry.departmentId === departmentId) {
      for (const parent of above) if (!kept.has(parent.id)) kept.set(parent.id, 'heading')
      kept.set(entry.id, 'whole')
    }
    above.push(entry)
  }
  return kept
}

/**
 * `appendix`: add every figure of the summary as 附件：指标汇总表 after the closing; `letterhead`:
 * the 版头 and 版记 of its 公文格式 (the 发文机关标志 defaults to {organisation}文件); `part`: only
 * what one department writes (部门分稿), its own figures in the 附件, with a line for its head's
 * signature instead of the organisation's closing.
 */
export const buildExportDocument = (
  doc: Y.Doc,
  options: { date: string; appendix?: boolean; letterhead?: boolean; part?: { departmentId: string; department: string }; draftMark?: DraftMark },
): ExportDocument => {
  const meta = readMeta(doc)
  const outline = readOutline(doc)
  const figures = readIndicators(doc)
  const numbers = numberOutline(outline)
  const { addressee, issuer, note, ...head } = meta.official ?? {}
  const { part } = options
  const kept = part ? sectionsOfPart(outline, part.departmentId) : null
  const figureKeys = Object.keys(figures).filter((key) => !part || figures[key]!.departmentId === part.departmentId)
  return {
    title: part ? `${meta.title}（${part.department}部分）` : meta.title,
    ...(addressee && !part ? { addressee } : {}),
    ...(options.letterhead ? { letterhead: { issuer: issuer ?? `${meta.organisation}文件`, ...head } } : {}),
    organisation: meta.organisation,
    date: options.date,
    ...(part ? { part: { department: part.department } } : {}),
    ...(note && !part ? { note } : {}),
    ...(options.draftMark ? { draftMark: options.draftMark } : {}),
    sections: outline.flatMap((entry, index) => {
      const shown = kept ? kept.get(entry.id) : 'whole'
      if (!shown) return []
      return [{ id: entry.id, number: numbers[index]!, title: entry.title, level: entry.level, lead: entry.lead, blocks: shown === 'whole' ? readSectionBlocks(doc, entry.id, figures) : [] }]
    }),
    ...(options.appendix && figureKeys.length > 0 ? { appendix: { title: '指标汇总表', blocks: [indicatorTableBlock(figureKeys, figures)] } } : {}),
  }
}
