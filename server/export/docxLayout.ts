/** The GB/T 9704 page the .docx writers share: measures, faces and the body's paragraph and run. */
import { LineRuleType, type IRunOptions } from 'docx'

export const MM = 56.6929 // twips per millimetre
export const PT = 20 // twips per point
export const LINE = Math.round(28.95 * PT) // 579: 22 lines on the A4 text block
export const BODY_SIZE = 32 // half-points: 3号 = 16 pt
export const INDENT = 640 // two characters of 16 pt
export const ONE_CHAR = INDENT / 2 // one character of 3号, in twips
export const TEXT_WIDTH_PT = (210 - 28 - 26) * (MM / PT) // 442.2 pt
export const TEXT_WIDTH = Math.round(TEXT_WIDTH_PT * PT) // in twips
/** charSpace: (desired pitch − font size) × 4096, for 28 characters per line. */
export const CHAR_SPACE = Math.round((TEXT_WIDTH_PT / 28 - 16) * 4096)

/** East-Asian font with the Latin slots set too, so CJK runs use `w:eastAsia`. */
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' })
export const FONTS = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  heading1: font('黑体'),
  heading2: font('楷体_GB2312'),
  pageNumber: font('宋体'),
}

export const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
export const bodyRun: IRunOptions = { font: FONTS.body, size: BODY_SIZE }

/** Width in characters as printed: CJK and full-width one, Latin letters and digits half. */
export const printedWidth = (text: string): number => [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)
