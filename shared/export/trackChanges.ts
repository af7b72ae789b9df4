/**
 * 修订版: the summary as it is now, with what changed since an earlier version as tracked
 * changes (text inserted and deleted), so the office or a leader can review the edits in Word and
 * accept or reject them there. Works on two export models: sections are matched by id (a moved
 * section is compared where it is now, a removed one shown deleted where it was), their blocks by
 * text (jsdiff), a changed paragraph by words (diffWithinParagraph). Formatting inside a changed
 * paragraph is not carried; a rewritten paragraph (less than half of it kept) reads as deleted and
 * inserted whole.
 * Tables show as they are now.
 */
import { diffArrays } from 'diff'
import { diffWithinParagraph } from '../diffParagraphs.js'
import { inlineText, type Block, type Change, type ExportDocument, type ExportSection, type Inline, type TextInline } from './model.js'

/** Text as inlines, line breaks as breaks; a deleted line break is dropped (it would split the paragraph). */
const textInlines = (text: string, change?: Change): Inline[] =>
  text.split('\n').flatMap((line, index): Inline[] => [
    ...(index > 0 && change !== 'delete' ? [{ kind: 'break' } as const] : []),
    ...(line ? [{ kind: 'text', text: line, ...(change ? { change } : {}) } as const] : []),
  ])

const markInlines = (inlines: readonly Inline[], change: Change): Inline[] =>
  inlines.flatMap((inline): Inline[] => (inline.kind === 'text' ? [{ ...inline, change }] : change === 'delete' ? [] : [inline]))

/** A block as added or removed whole; a removed table is left out (tables show as they are now). */
const markBlock = (block: Block, change: Change): Block[] => {
  if (block.kind === 'paragraph') return [{ kind: 'paragraph', inlines: markInlines(block.inlines, change), change }]
  if (block.kind === 'list') return [{ ...block, items: block.items.map((item) => item.flatMap((child) => markBlock(child, change))) }]
  return change === 'insert' ? [block] : []
}

const diffText = (before: string, after: string): Inline[] | null =>
  diffWithinParagraph(before, after)?.flatMap((part) => textInlines(part.text, part.op === 'equal' ? undefined : part.op)) ?? null

const blockKey = (block: Block): string => {
  if (block.kind === 'paragraph') return `p:${inlineText(block.inlines)}`
  if (block.kind === 'list') return `l:${JSON.stringify(block.items.map((item) => item.map(blockKey)))}`
  if (block.kind === 'grid') return `g:${JSON.stringify(block.rows.map((row) => row.map((cell) => inlineText(cell.inlines))))}`
  return `t:${JSON.stringify(block.rows)}`
}

/** A removed run of blocks followed by an added one: paragraphs paired in order, the rest whole. */
const replaceBlocks = (removed: readonly Block[], added: readonly Block[]): Block[] => {
  const blocks: Block[] = []
  const pairs = Math.max(removed.length, added.length)
  for (let index = 0; index < pairs; index++) {
    const old = removed[index]
    const now = added[index]
    const changed = old?.kind === 'paragraph' && now?.kind === 'paragraph' ? diffText(inlineText(old.inlines), inlineText(now.inlines)) : null
    if (changed) blocks.push({ kind: 'paragraph', inlines: changed })
    else blocks.push(...(old ? markBlock(old, 'delete') : []), ...(now ? markBlock(now, 'insert') : []))
  }
  return blocks
}

const compareBlocks = (before: readonly Block[], after: readonly Block[]): Block[] => {
  const blocks: Block[] = []
  let removed: Block[] = []
  let beforeAt = 0
  let afterAt = 0
  for (const part of diffArrays(before.map(blockKey), after.map(blockKey))) {
    if (part.removed) {
      removed.push(...before.slice(beforeAt, beforeAt + part.value.length))
      beforeAt += part.value.length
    } else if (part.added) {
      blocks.push(...replaceBlocks(removed, after.slice(afterAt, afterAt + part.value.length)))
      removed = []
      afterAt += part.value.length
    } else {
      blocks.push(...replaceBlocks(removed, []), ...after.slice(afterAt, afterAt + part.value.length))
      removed = []
      beforeAt += part.value.length
      afterAt += part.value.length
    }
  }
  return [...blocks, ...replaceBlocks(removed, [])]
}

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
