/**
 * Plain-text writer: the title, numbered headings and paragraphs (indented two full-width
 * spaces), lists and tables as lines, then the organisation and date.
 */
import { inlineText, signOffLines, type Block, type ExportDocument } from './model.js'

const INDENT = '　　'

const blockLines = (block: Block, prefix = INDENT): string[] => {
  switch (block.kind) {
    case 'paragraph':
      return inlineText(block.inlines).split('\n').map((line) => prefix + line)
    case 'list':
      return block.items.flatMap((item, index) => {
        const marker = block.ordered ? `${index + 1}. ` : '· '
        const [first = '', ...rest] = item.flatMap((child) => blockLines(child, ''))
        return [prefix + marker + first, ...rest.map((line) => prefix + '   ' + line)]
      })
    case 'table':
      return [block.header, ...block.rows].map((row) => prefix + row.join(' | '))
    case 'grid':
      return block.rows.map((row) => prefix + row.map((cell) => inlineText(cell.inlines).replace(/\n/g, ' ')).join(' | '))
  }
}

/** A section's body as plain-text lines, paragraphs indented as in the export. */
export const writeBlocks = (blocks: readonly Block[]): string => blocks.flatMap((block) => blockLines(block)).join('\n')

export const writePlainText = (document: ExportDocument): string => {
  const lines: string[] = [document.title, ...(document.draftMark ? [`（${document.draftMark}）`] : []), '', ...(document.addressee ? [`${document.addressee}：`] : [])]
  for (const section of document.sections) {
    if (!section.lead) lines.push(`${section.number}${section.title}`)
    if (section.blocks.length > 0) lines.push(writeBlocks(section.blocks))
  }
  if (document.appendix) lines.push('', `${INDENT}附件：${document.appendix.title}`)
  lines.push('', ...(document.part ? signOffLines(document.part) : [document.organisation, document.date]))
  if (document.note) lines.push(`${INDENT}（${document.note}）`)
  if (document.appendix) lines.push('', '附件', document.appendix.title, writeBlocks(document.appendix.blocks))
  return lines.join('\n') + '\n'
}
