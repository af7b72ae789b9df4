/**
 * The .docx writer in the GB/T 9704-2012 layout: A4; margins 37/35/28/26 mm; title 2号 方正小标宋简体
 * centred; body 3号 仿宋_GB2312, first-line indent two characters, fixed 28.95 pt lines (22 lines
 * per page) on a 28-character grid; headings 一、黑体, （一）楷体_GB2312, 1./（1）仿宋 (1. bold);
 * page numbers `— 1 —` in 4号 宋体, outside-aligned; closing organisation and date right-aligned.
 * A 主送机关 or 称谓 stands flush left under the title. With a letterhead (红头): the 发文机关标志 in
 * red, the 发文字号 and the red line above the title, and the 版记 (抄送, 印发机关 and 印发日期
 * between full-width rules) at the foot of the last page.
 * A 批注版 carries Word comments on their phrases; a 修订版 carries tracked changes (w:ins/w:del).
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  DocumentGridType,
  InsertedTextRun,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import { hasCommentMarks, splitCommentMarks, type ExportComment } from '../../shared/export/commentMarks.js'
import { signOffLines, type Block, type Change, type ExportDocument, type Inline } from '../../shared/export/model.js'
import { BODY_SIZE, bodyRun, bodySpacing, CHAR_SPACE, FONTS, INDENT, LINE, MM, ONE_CHAR, printedWidth, PT, TEXT_WIDTH_PT } from './docxLayout.js'
import { letterheadParagraphs, recordTable } from './docxLetterhead.js'

/** A run of text, or (批注版) the text with comment ranges where its marks are. */
const textRuns = (text: string, options: IRunOptions): ParagraphChild[] =>
  hasCommentMarks(text)
    ? splitCommentMarks(text).flatMap((piece): ParagraphChild[] => {
        if (piece.kind === 'text') return [new TextRun({ ...options, text: piece.text })]
        if (piece.kind === 'start') return [new CommentRangeStart(piece.id)]
        return [new CommentRangeEnd(piece.id), new TextRun({ children: [new CommentReference(piece.id)] })]
      })
    : [new TextRun({ ...options, text })]

/**
 * 修订版: a run inserted or deleted since the version compared with, as a Word tracked change
 * (w:ins / w:del) attributed to the export; each change its own revision id.
 */
const trackedRuns = (revision: NonNullable<ExportDocument['revision']>) => {
  let nextId = 1
  const attributes = () => ({ id: nextId++, author: revision.author, date: revision.date })
  return {
    run: (options: IRunOptions & { text: string }, change: Change): ParagraphChild =>
      change === 'insert' ? new InsertedTextRun({ ...options, ...attributes() }) : new DeletedTextRun({ ...options, ...attributes() }),
    /** A paragraph added or removed whole: its mark too, so accepting or rejecting leaves no empty line. */
    mark: (change: Change | undefined) => (change ? { run: change === 'insert' ? { insertion: attributes() } : { deletion: attributes() } } : {}),
  }
}
type Track = ReturnType<typeof trackedRuns> | null

const runs = (inlines: readonly Inline[], base: IRunOptions, track: Track): ParagraphChild[] =>
  inlines.flatMap((inline) => {
    if (inline.kind === 'break') return [new TextRun({ ...base, break: 1 })]
    const options = { ...base, bold: inline.bold || base.bold, italics: inline.italic, underline: inline.underline ? {} : undefined, strike: inline.strike }
    return inline.change && track ? [track.run({ ...options, text: inline.text }, inline.change)] : textRuns(inline.text, options)
  })

/** Word comments: each thread, its replies threaded under it (numbered after all threads). */
const wordComments = (comments: readonly ExportComment[]): ICommentOptions[] => {
  let nextReply = comments.length
  const paragraph = (text: string) => new Paragraph({ children: [new TextRun({ text })] })
  return comments.flatMap((comment) => [
    { id: comment.id, author: comment.author, date: new Date(comment.at), resolved: comment.resolved, children: [paragraph(comment.text)] },
    ...comment.replies.map((reply) => ({ id: nextReply++, parentId: comment.id, author: reply.author, date: new Date(reply.at), children: [paragraph(reply.text)] })),
  ])
}

// Text smaller or larger than the body's 3号 keeps its own pitch (snapToGrid off): on the body's
// 28-character grid a 小四 cell or a 2号 title would be spread out or take two cells a character.
/** A table cell's text: 小四 仿宋, off the grid. */
const cellRun: IRunOptions = { font: FONTS.body, size: 24, snapToGrid: false }

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...cellRun, text, bold })] })] })

/** A writers' table: 小四 仿宋 off the grid, headings bold and centred, cells as written, spans kept. */
const gridTable = (block: Extract<Block, { kind: 'grid' }>, track: Track): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: block.rows.map((row, index) => {
      const heading = index < block.headerRows
      const base: IRunOptions = { ...cellRun, bold: heading }
      return new TableRow({
        tableHeader: heading,
        children: row.map(
          (cell) =>
            new TableCell({
              columnSpan: cell.colspan,
              rowSpan: cell.rowspan,
              children: [new Paragraph({ alignment: heading ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs(cell.inlines, base, track) })],
            }),
        ),
      })
    }),
  })

/** `keepNext`: the paragraph stays on the page of the one after it (the body's last, with the closing). */
const blockParagraphs = (block: Block, track: Track, depth = 0, keepNext = false): Array<Paragraph | Table> => {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ spacing: bodySpacing, keepNext, indent: depth ? { left: depth * INDENT } : { firstLine: INDENT }, ...(track?.mark(block.change) ?? {}), children: runs(block.inlines, bodyRun, track) })]
    case 'list':
      return block.items.flatMap((item, index) => {
        const marker = block.ordered ? `${index + 1}.` : '·'
        const [first, ...rest] = item
        const head = first?.kind === 'paragraph' ? first.inlines : []
        return [
          new Paragraph({ spacing: bodySpacing, indent: { left: (depth + 1) * INDENT, hanging: INDENT / 2 }, children: [new TextRun({ ...bodyRun, text: `${marker} ` }), ...runs(head, bodyRun, track)] }),
          ...(first && first.kind !== 'paragraph' ? blockParagraphs(first, track, depth + 1) : []),
          ...rest.flatMap((child) => blockParagraphs(child, track, depth + 1)),
        ]
      })
    case 'grid':
      return [gridTable(block, track)]
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: block.header.map((text) => cell(text, true)) }), ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) }))],
        }),
      ]
  }
}

/**
 * A heading: its number and title, or (修订版) its number and the title's tracked changes. Its
 * outline level (一、 0, （一） 1, 1. 2, （1） 3) changes nothing in print; it gives Word's and
 * WPS's 导航窗格 and a screen reader the structure, and lets the office add a 目录.
 */
const heading = (section: ExportDocument['sections'][number], track: Track): Paragraph => {
  const { level } = section
  const face = level === 1 ? FONTS.heading1 : level === 2 ? FONTS.heading2 : FONTS.body
  const options: IRunOptions = { font: face, size: BODY_SIZE, bold: level === 3 }
  const title = section.titleChanges && track ? [new TextRun({ ...options, text: section.number }), ...runs(section.titleChanges, options, track)] : textRuns(`${section.number}${section.title}`, options)
  return new Paragraph({ spacing: bodySpacing, indent: { firstLine: INDENT }, keepNext: true, outlineLevel: level - 1, ...(track?.mark(section.change) ?? {}), children: title })
}

const TITLE_CHARS_PER_LINE = Math.floor(TEXT_WIDTH_PT / 22)

/**
 * The title in lines: GB/T 9704 wants a long title broken where the sense allows, so a title too
 * long for one line that starts with the organisation breaks after it (the longer line on top,
 * as 梯形); any other long title is left to Word.
 */
export const titleLines = (title: string, organisation: string): string[] => {
  if (printedWidth(title) <= TITLE_CHARS_PER_LINE || !organisation || !title.startsWith(organisation)) return [title]
  const rest = title.slice(organisation.length)
  return rest && printedWidth(organisation) <= TITLE_CHARS_PER_LINE && printedWidth(rest) <= TITLE_CHARS_PER_LINE ? [organisation, rest] : [title]
}

const titleParagraph = (lines: string[], spacingBefore: number, spacingAfter = LINE) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: spacingBefore, after: spacingAfter, line: LINE, lineRule: LineRuleType.EXACT },
    children: lines.map((line, index) => new TextRun({ text: line, font: FONTS.title, size: 44, snapToGrid: false, ...(index ? { break: 1 } : {}) })),
  })

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5): the name two characters in from the right, the date
 * under it starting two characters right of the name's first character; a date too long for that
 * pushes the name left instead. Right indents in twips.
 */
export const closingIndents = (organisation: string, date: string): Array<[string, number]> => {
  const name = printedWidth(organisation)
  const day = printedWidth(date)
  const shift = Math.max(0, day + 2 - name) // how far the name must move left for the date to fit
  return [
    [organisation, Math.round((2 + shift) * ONE_CHAR)],
    [date, Math.round((2 + shift + name - 2 - day) * ONE_CHAR)],
  ]
}

/** `— 1 —` in 4号 宋体, a quarter em in from the outside edge. */
const pageNumberFooter = (alignment: typeof AlignmentType.RIGHT | typeof AlignmentType.LEFT) =>
  new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: FONTS.pageNumber, size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })

export const writeDocx = async (document: ExportDocument): Promise<Buffer> => {
  const { letterhead } = document
  const children: Array<Paragraph | Table> = [
    ...(letterhead ? letterheadParagraphs(letterhead) : []),
    // Under the red line the title keeps two empty lines' distance.
    titleParagraph(titleLines(document.title, document.organisation), letterhead ? 2 * LINE : 0, document.draftMark ? 0 : LINE),
    // 稿本标注: right under the title, in 楷体, then the empty line the title would have had.
    ...(document.draftMark
      ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...bodySpacing, after: LINE }, children: [new TextRun({ text: `（${document.draftMark}）`, font: FONTS.heading2, size: BODY_SIZE })] })]
      : []),
  ]
  if (document.addressee) children.push(new Paragraph({ spacing: bodySpacing, children: [new TextRun({ ...bodyRun, text: `${document.addressee}：` })] }))
  const track = document.revision ? trackedRuns(document.revision) : null
  // The closing never stands alone on a page: the body's last paragraph (or heading) and the
  // empty line and name after it keep with what follows.
  const lastBlock = document.sections.at(-1)?.blocks.at(-1)
  for (const section of document.sections) {
    if (!section.lead) children.push(heading(section, track))
    for (const block of section.blocks) children.push(...blockParagraphs(block, track, 0, block === lastBlock))
  }
  const emptyLine = (keepNext = false) => new Paragraph({ spacing: bodySpacing, keepNext, children: [] })
  // 附件说明: a line under the body, two characters in, naming the 附件.
  if (document.appendix) children.push(emptyLine(true), new Paragraph({ spacing: bodySpacing, keepNext: true, indent: { firstLine: INDENT }, children: [new TextRun({ ...bodyRun, text: `附件：${document.appendix.title}` })] }))
  children.push(emptyLine(true))
  if (document.part) {
    // 部门分稿: who wrote it and room for the department head's signature, twelve characters in (sixteen to write on).
    for (const [index, line] of signOffLines(document.part).entries()) {
      children.push(new Paragraph({ spacing: bodySpacing, keepNext: index === 0, indent: { left: 12 * ONE_CHAR }, children: [new TextRun({ ...bodyRun, text: line })] }))
    }
  } else {
    for (const [index, [line, right]] of closingIndents(document.organisation, document.date).entries()) {
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodySpacing, keepNext: index === 0, indent: { right }, children: [new TextRun({ ...bodyRun, text: line })] }))
    }
  }
  // 附注: the line under the closing date, two characters in, in brackets (GB/T 9704 7.3.7).
  if (document.note) children.push(new Paragraph({ spacing: bodySpacing, indent: { firstLine: INDENT }, children: [new TextRun({ ...bodyRun, text: `（${document.note}）` })] }))
  // 附件 on a page of its own: the word 附件 at the top left in 黑体, its title centred.
  if (document.appendix) {
    children.push(new Paragraph({ pageBreakBefore: true, spacing: bodySpacing, children: [new TextRun({ text: '附件', font: FONTS.heading1, size: BODY_SIZE })] }))
    children.push(titleParagraph([document.appendix.title], 0))
    for (const block of document.appendix.blocks) children.push(...blockParagraphs(block, null))
  }
  // The 版记 comes last, so it floats on the last page; a floating table needs a paragraph after
  // it, one point high so that it never takes a page of its own.
  const record = letterhead && recordTable(letterhead, document.date)
  if (record) children.push(record, new Paragraph({ spacing: { line: PT, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }))
  const doc = new Document({
    title: document.title,
    creator: '汇总 Huizong',
    evenAndOddHeaderAndFooters: true,
    // Chinese text, said so: Word proofs it as Chinese and a screen reader reads it in Chinese.
    styles: { default: { document: { run: { font: FONTS.body, size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    ...(document.comments?.length ? { comments: { children: wordComments(document.comments) } } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(21 * MM) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
