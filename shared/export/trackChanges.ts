/**
 * 修订版: the summary as it is now, with what changed since an earlier version as tracked
 * changes (text inserted and deleted), so the office or a leader can review the edits in Word and
 * accept or reject them there. Works on two export models: sections are matched by id (a moved
 * section is compared where it is now, a removed one shown deleted where it was), their blocks by
 * text (jsdiff), a changed paragraph by words (diffWithinParagraph). Formatting inside a changed
 * paragraph is not carried; a rewritten paragraph (less than half of it kept) reads as deleted and
 * inserted whole. A writers' table is compared row by row and cell by cell; a table of figures
 * shows as it is now.
 */
import { diffArrays } from 'diff'
import { compareRuns, diffWithinParagraph, pairUp } from '../diffParagraphs.js'
import { inlineText, type Block, type Change, type ExportDocument, type ExportSection, type GridCell, type Inline, type TextInline } from './model.js'

/** Text as inlines, line breaks as breaks; a deleted line break is dropped (it would split the paragraph). */
const textInlines = (text: string, change?: Change): Inline[] =>
  text.split('\n').flatMap((line, index): Inline[] => [
    ...(index > 0 && change !== 'delete' ? [{ kind: 'break' } as const] : []),
    ...(line ? [{ kind: 'text', text: line, ...(change ? { change } : {}) } as const] : []),
  ])

const markInlines = (inlines: readonly Inline[], change: Change): Inline[] =>
  inlines.flatMap((inline): Inline[] => (inline.kind === 'text' ? [{ ...inline, change }] : change === 'delete' ? [] : [inline]))

type Grid = Extract<Block, { kind: 'grid' }>

/** A writers' table row as added or removed whole: its cells' text marked (the row itself stays). */
const markRow = (row: readonly GridCell[], change: Change): GridCell[] => row.map((cell) => ({ ...cell, inlines: markInlines(cell.inlines, change) }))

/**
 * A block as added or removed whole. A writers' table's text is marked cell by cell; a table of
 * figures shows as it is now (a removed one is left out).
 */
const markBlock = (block: Block, change: Change): Block[] => {
  if (block.kind === 'paragraph') return [{ kind: 'paragraph', inlines: markInlines(block.inlines, change), change }]
  if (block.kind === 'list') return [{ ...block, items: block.items.map((item) => item.flatMap((child) => markBlock(child, change))) }]
  if (block.kind === 'grid') return [{ ...block, rows: block.rows.map((row) => markRow(row, change)) }]
  return change === 'insert' ? [block] : []
}

const diffText = (before: string, after: string): Inline[] | null =>
  diffWithinParagraph(before, after)?.flatMap((part) => textInlines(part.text, part.op === 'equal' ? undefined : part.op)) ?? null

const rowKey = (row: readonly GridCell[]): string => JSON.stringify(row.map((cell) => [inlineText(cell.inlines), cell.colspan, cell.rowspan]))
const sameShape = (a: readonly GridCell[], b: readonly GridCell[]) => a.length === b.length && a.every((cell, index) => cell.colspan === b[index]!.colspan && cell.rowspan === b[index]!.rowspan)

/** The same row changed: the same cells, one of them with text still mostly as it was. */
const sameRow = (old: readonly GridCell[], now: readonly GridCell[]): boolean =>
  sameShape(old, now) &&
  now.some((cell, at) => {
    const before = inlineText(old[at]!.inlines)
    const after = inlineText(cell.inlines)
    return after !== '' && (before === after || diffWithinParagraph(before, after) !== null)
  })

/** A cell changed in place: its words, or its old text deleted and the new inserted. */
const compareCell = (old: GridCell, now: GridCell): GridCell => {
  const before = inlineText(old.inlines)
  const after = inlineText(now.inlines)
  if (before === after) return now
  return { ...now, inlines: diffText(before, after) ?? [...markInlines(old.inlines, 'delete'), ...markInlines(now.inlines, 'insert')] }
}

/**
 * A writers' table compared row by row (jsdiff on the rows' text): a row changed in place (a
 * cell of it still mostly as it was) keeps its cells and shows each one's change, a row added or
 * removed shows its text inserted or deleted (Word keeps the row; its text is what the revision
 * is about).
 */
const compareGrids = (before: Grid, after: Grid): Grid => {
  // Merged rows (rowspan) cannot take a row in between: such a table is compared only cell by
  // cell when its shape stayed, else it shows as it is now.
  if ([...before.rows, ...after.rows].some((row) => row.some((cell) => cell.rowspan > 1))) {
    const same = before.rows.length === after.rows.length && after.rows.every((row, index) => sameShape(before.rows[index]!, row))
    return same ? { ...after, rows: after.rows.map((row, index) => row.map((cell, at) => compareCell(before.rows[index]![at]!, cell))) } : after
  }
  const compareRows = (removed: GridCell[][], added: GridCell[][]): GridCell[][] =>
    pairUp(removed, added, (old, now) => {
      if (old && now && sameRow(old, now)) return [now.map((cell, at) => compareCell(old[at]!, cell))]
      return [...(old ? [markRow(old, 'delete')] : []), ...(now ? [markRow(now, 'insert')] : [])]
    })
  return { ...after, rows: compareRuns(before.rows, after.rows, rowKey, compareRows, (row) => row) }
}

const blockKey = (block: Block): string => {
  if (block.kind === 'paragraph') return `p:${inlineText(block.inlines)}`
  if (block.kind === 'list') return `l:${JSON.stringify(block.items.map((item) => item.map(blockKey)))}`
  if (block.kind === 'grid') return `g:${JSON.stringify(block.rows.map((row) => row.map((cell) => inlineText(cell.inlines))))}`
  return `t:${JSON.stringify(block.rows)}`
}

/** A removed run of blocks followed by an added one: paragraphs and writers' tables paired in order, the rest whole. */
const replaceBlocks = (removed: readonly Block[], added: readonly Block[]): Block[] =>
  pairUp(removed, added, (old, now): Block[] => {
    const changed = old?.kind === 'paragraph' && now?.kind === 'paragraph' ? diffText(inlineText(old.inlines), inlineText(now.inlines)) : null
    if (changed) return [{ kind: 'paragraph', inlines: changed }]
    if (old?.kind === 'grid' && now?.kind === 'grid') return [compareGrids(old, now)]
    return [...(old ? markBlock(old, 'delete') : []), ...(now ? markBlock(now, 'insert') : [])]
  })

const compareBlocks = (before: readonly Block[], after: readonly Block[]): Block[] => compareRuns(before, after, blockKey, replaceBlocks, (block) => block)

const titleText = (text: string, change: Change): TextInline[] => [{ kind: 'text', text, change }]

const compareSection = (before: ExportSection | undefined, after: ExportSection): ExportSection => {
  if (!before) return { ...after, change: 'insert', titleChanges: titleText(after.title, 'insert'), blocks: after.blocks.flatMap((block) => markBlock(block, 'insert')) }
  const title = before.title === after.title ? null : (diffText(before.title, after.title) ?? [...titleText(before.title, 'delete'), ...titleText(after.title, 'insert')])
  return { ...after, ...(title ? { titleChanges: title.filter((inline): inline is TextInline => inline.kind === 'text') } : {}), blocks: compareBlocks(before.blocks, after.blocks) }
}

/** A section gone since the version: its heading (unnumbered, numbers have moved on) and text deleted. */
const removedSection = (before: ExportSection): ExportSection => ({
  ...before,
  change: 'delete',
  number: '',
  titleChanges: titleText(before.number + before.title, 'delete'),
  blocks: before.blocks.flatMap((block) => markBlock(block, 'delete')),
})

export const trackChanges = (before: ExportDocument, after: ExportDocument, revision: { author: string; date: string }): ExportDocument => {
  const beforeById = new Map(before.sections.map((section) => [section.id, section]))
  const afterById = new Map(after.sections.map((section) => [section.id, section]))
  const sections = diffArrays(
    before.sections.map((section) => section.id),
    after.sections.map((section) => section.id),
  ).flatMap((part) =>
    part.value.flatMap((id): ExportSection[] => {
      // A section moved elsewhere shows where it is now, compared with what it was.
      if (part.removed) return afterById.has(id) ? [] : [removedSection(beforeById.get(id)!)]
      return [compareSection(beforeById.get(id), afterById.get(id)!)]
    }),
  )
  return { ...after, sections, revision }
}
