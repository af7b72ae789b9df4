/**
 * Plain-text writer: the title, numbered headings and paragraphs (indented two full-width
 * spaces), lists and tables as lines, then the organisation and date.
 */
import { inlineText, type Block, type ExportDocument } from './model.js'

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
  }
}

export const writePlainText = (document: ExportDocument): string => {
  const lines: string[] = [document.title, '']
  for (const section of document.sections) {
    if (!section.lead) lines.push(`${section.number}${section.title}`)
    for (const block of section.blocks) lines.push(...blockLines(block))
  }
  lines.push('', document.organisation, document.date)
  return lines.join('\n') + '\n'
}
