/** HTML writer: a clean printable page; every piece of text is escaped. */
import { signOffLines, type Block, type ExportDocument, type GridCell, type Inline } from './model.js'

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

const STYLE = `
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", serif; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 24px auto; }
  h1 { font-family: "方正小标宋简体", "华文中宋", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 28.95pt; }
  h2, h3, h4, h5 { font-size: 16pt; margin: 0; text-indent: 2em; line-height: 28.95pt; }
  h2 { font-family: "黑体", "SimHei", sans-serif; font-weight: normal; }
  h3 { font-family: "楷体_GB2312", "楷体", "KaiTi", serif; font-weight: normal; }
  h4 { font-weight: bold; }
  h5 { font-weight: normal; }
  p { margin: 0; text-indent: 2em; }
  ul, ol { margin: 0; padding-left: 4em; }
  li p { text-indent: 0; }
  table { border-collapse: collapse; margin: 6pt auto; font-size: 12pt; line-height: 1.5; }
  th, td { border: 1px solid #000; padding: 2pt 6pt; text-align: center; }
  table.grid { width: 100%; }
  table.grid td { text-align: left; }
  .closing { text-align: right; margin-top: 28.95pt; }
  .draft-mark { text-align: center; text-indent: 0; font-family: "楷体_GB2312", "KaiTi", "STKaiti", serif; margin: -28.95pt 0 28.95pt; }
  .sign-off { margin-top: 28.95pt; margin-left: 50%; }
  .addressee { text-indent: 0; }
  .appendix-note { margin-top: 28.95pt; }
`

const writeInline = (inline: Inline): string => {
  if (inline.kind === 'break') return '<br>'
  let html = escapeHtml(inline.text)
  if (inline.bold) html = `<strong>${html}</strong>`
  if (inline.italic) html = `<em>${html}</em>`
  if (inline.underline) html = `<u>${html}</u>`
  if (inline.strike) html = `<s>${html}</s>`
  return inline.figure ? `<span class="figure">${html}</span>` : html
}

const spans = (cell: GridCell): string => `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`

const writeBlock = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${block.inlines.map(writeInline).join('')}</p>`
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((item) => `<li>${item.map(writeBlock).join('')}</li>`).join('')}</${tag}>`
    }
    case 'table':
      return `<table><thead><tr>${block.header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    case 'grid':
      return `<table class="grid">${block.rows
        .map((row, index) => {
          const tag = index < block.headerRows ? 'th' : 'td'
          return `<tr>${row.map((cell) => `<${tag}${spans(cell)}>${cell.inlines.map(writeInline).join('')}</${tag}>`).join('')}</tr>`
        })
        .join('')}</table>`
  }
}

/** Blocks as HTML, every piece of text escaped: a section's body here, and wherever it is shown read-only. */
export const writeBlocksHtml = (blocks: readonly Block[]): string => blocks.map(writeBlock).join('')

export const writeHtml = (document: ExportDocument): string => {
  const body = document.sections
    .map((section) => {
      const tag = `h${Math.min(5, section.level + 1)}`
      const heading = section.lead ? '' : `<${tag}>${escapeHtml(section.number + section.title)}</${tag}>`
      return `<section data-section-id="${escapeHtml(section.id)}">${heading}${writeBlocksHtml(section.blocks)}</section>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title><style>${STYLE}</style></head>
<body>
<main>
<h1>${escapeHtml(document.title)}</h1>
${document.draftMark ? `<p class="draft-mark">（${escapeHtml(document.draftMark)}）</p>\n` : ''}${document.addressee ? `<p class="addressee">${escapeHtml(document.addressee)}：</p>\n` : ''}${body}
${document.appendix ? `<p class="appendix-note">附件：${escapeHtml(document.appendix.title)}</p>\n` : ''}${document.part ? `<p class="sign-off">${signOffLines(document.part).map(escapeHtml).join('<br>')}</p>` : `<p class="closing">${escapeHtml(document.organisation)}<br>${escapeHtml(document.date)}</p>`}${document.note ? `\n<p class="note">（${escapeHtml(document.note)}）</p>` : ''}
${document.appendix ? `<section class="appendix"><p>附件</p><h2>${escapeHtml(document.appendix.title)}</h2>${writeBlocksHtml(document.appendix.blocks)}</section>\n` : ''}</main>
</body>
</html>
`
}
