/**
 * 红头 of the .docx (`letterhead=1`): the 版头 above the title (发文机关标志 in red, 发文字号, red
 * rule) and the 版记 at the foot of the last page (抄送, 印发机关 and 印发日期), as GB/T 9704 lays
 * them out.
 */
import { AlignmentType, BorderStyle, Paragraph, RelativeHorizontalPosition, RelativeVerticalPosition, Tab, Table, TableAnchorType, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx'
import type { Letterhead } from '../../shared/export/model.js'
import { bodyRun, bodySpacing, FONTS, LINE, MM, ONE_CHAR, printedWidth, TEXT_WIDTH, TEXT_WIDTH_PT } from './docxLayout.js'

const RED = 'FF0000'
const FOURTH_SIZE = 28 // 4号 = 14 pt
const ONE_CHAR_4 = 280 // one character of 4号, in twips

/** 4 mm under the 发文字号, the red rule as wide as the text. */
const RED_RULE = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } }

/**
 * The 发文字号 line: centred; or, with a 签发人 (上行文), the 发文字号 one character in from the
 * left and 签发人：(仿宋) with the name (楷体) one character in from the right.
 */
const numberLine = ({ number = '', signer }: Letterhead): Paragraph => {
  if (!signer) return new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, border: RED_RULE, children: [new TextRun({ ...bodyRun, text: number })] })
  return new Paragraph({
    spacing: bodySpacing,
    border: RED_RULE,
    indent: { left: ONE_CHAR },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - ONE_CHAR }],
    children: [new TextRun({ ...bodyRun, children: [number, new Tab(), '签发人：'] }), new TextRun({ ...bodyRun, font: FONTS.heading2, text: signer })],
  })
}

/**
 * 版头: the 发文机关标志 in red 小标宋, as large as fits one line (at most 初号), its top 35 mm below
 * the top of the text area; two lines below it the 发文字号 line over the red rule.
 */
export const letterheadParagraphs = (letterhead: Letterhead): Paragraph[] => {
  // 0.9: room for the font's side bearings, so the line never wraps.
  const size = Math.min(42, Math.floor((0.9 * TEXT_WIDTH_PT) / Math.max(1, printedWidth(letterhead.issuer))))
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: Math.round(35 * MM), after: 2 * LINE },
      children: [new TextRun({ text: letterhead.issuer, font: FONTS.title, size: size * 2, color: RED, snapToGrid: false })],
    }),
    numberLine(letterhead),
  ]
}

/**
 * 版记 at the foot of the last page: 抄送 (wrapped lines under the first 机关) and 印发机关 with
 * 印发日期 (against the right edge), in 4号 仿宋 one character in from both sides, between rules as
 * wide as the text (thick first and last, thin between). A table floating at the bottom of the
 * text area; where floating tables are not supported it still follows the closing.
 */
export const recordTable = (letterhead: Letterhead, date: string): Table | null => {
  const run = (...children: Array<string | Tab>) => new TextRun({ children, font: FONTS.body, size: FOURTH_SIZE, snapToGrid: false })
  const lines = [
    ...(letterhead.copyTo ? [new Paragraph({ spacing: bodySpacing, indent: { left: ONE_CHAR_4 * 4, hanging: ONE_CHAR_4 * 3, right: ONE_CHAR_4 }, children: [run(`抄送：${letterhead.copyTo}。`)] })] : []),
    ...(letterhead.printedBy
      ? [new Paragraph({ spacing: bodySpacing, indent: { left: ONE_CHAR_4 }, tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - ONE_CHAR_4 }], children: [run(letterhead.printedBy, new Tab(), `${date}印发`)] })]
      : []),
  ]
  if (lines.length === 0) return null
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' }
  const thick = { style: BorderStyle.SINGLE, size: 8, color: 'auto' } // 0.35 mm
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: thick, bottom: thick, insideHorizontal: { style: BorderStyle.SINGLE, size: 6, color: 'auto' }, left: none, right: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    rows: lines.map((line) => new TableRow({ children: [new TableCell({ children: [line] })] })),
  })
}
