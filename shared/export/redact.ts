/**
 * 公开版: the export model with every mobile number and ID number in the sections' text masked
 * (138****5678), for a summary published on the website (政务公开). Text inlines are masked one
 * by one; a number split by formatting in its middle is not recognised, as the check does not
 * recognise it either.
 */
import { maskPersonalInfo } from '../personalInfo.js'
import type { Block, ExportDocument, Inline } from './model.js'

const redactInlines = (inlines: readonly Inline[]): Inline[] => inlines.map((inline) => (inline.kind === 'text' && !inline.figure ? { ...inline, text: maskPersonalInfo(inline.text) } : inline))

const redactBlock = (block: Block): Block => {
  if (block.kind === 'paragraph') return { ...block, inlines: redactInlines(block.inlines) }
  if (block.kind === 'list') return { ...block, items: block.items.map((item) => item.map(redactBlock)) }
  if (block.kind === 'grid') return { ...block, rows: block.rows.map((row) => row.map((cell) => ({ ...cell, inlines: redactInlines(cell.inlines) }))) }
  return block // a table of figures holds figures only
}

export const redactDocument = (document: ExportDocument): ExportDocument => ({
  ...document,
  sections: document.sections.map((section) => ({ ...section, blocks: section.blocks.map(redactBlock) })),
})
