/** Markdown writer: `#` title, numbered headings one level deeper per outline level, GFM tables. */
import { signOffLines, type Block, type ExportDocument, type Inline } from './model.js'

/** Escapes characters Markdown would read as syntax (placeholders such as 20** stay literal). */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>#|~])/g, '\\$1')

const writeInline = (inline: Inline): string => {
  if (inline.kind === 'break') return '  \n'
  let text = escapeMarkdown(inline.text)
  if (text.trim() === '') return text
  if (inline.bold) text = `**${text}**`
  if (inline.italic) text = `*${text}*`
  if (inline.strike) text = `~~${text}~~`
  return text
}

const writeBlock = (block: Block, indent = ''): string => {
  switch (block.kind) {
    case 'paragraph':
      return indent + block.inlines.map(writeInline).join('')
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- '
          const [first = '', ...rest] = item.map((child) => writeBlock(child, ' '.repeat(marker.length)))
          return `${indent}${marker}${first.trimStart()}${rest.map((text) => `\n${indent}${text}`).join('')}`
        })
        .join('\n')
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`
      return [row(block.header), `|${block.header.map(() => ' --- ').join('|')}|`, ...block.rows.map(row)].join('\n')
    }
    case 'grid': {
      // GFM knows one header row and no spans: the first row heads the table, short rows are padded.
      const rows = block.rows.map((row) => row.map((cell) => cell.inlines.map(writeInline).join('').replace(/ {2}\n/g, '<br>')))
      const width = Math.max(...rows.map((row) => row.length))
      const line = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`
      const [head = [], ...body] = rows
      return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n')
    }
  }
}

export const writeMarkdown = (document: ExportDocument): string => {
  const parts = [`# ${escapeMarkdown(document.title)}`, ...(document.draftMark ? [`（${document.draftMark}）`] : []), ...(document.addressee ? [`${escapeMarkdown(document.addressee)}：`] : [])]
  for (const section of document.sections) {
    if (!section.lead) parts.push(`${'#'.repeat(Math.min(6, section.level + 1))} ${section.number}${escapeMarkdown(section.title)}`)
    for (const block of section.blocks) parts.push(writeBlock(block))
  }
  if (document.appendix) parts.push(`附件：${escapeMarkdown(document.appendix.title)}`)
  if (document.part) parts.push(signOffLines(document.part).map(escapeMarkdown).join('<br>'))
  else parts.push(`<div align="right">${escapeMarkdown(document.organisation)}<br>${document.date}</div>`)
  if (document.note) parts.push(`（${escapeMarkdown(document.note)}）`)
  if (document.appendix) parts.push(`## 附件：${escapeMarkdown(document.appendix.title)}`, ...document.appendix.blocks.map((block) => writeBlock(block)))
  return parts.join('\n\n') + '\n'
}
