/**
 * The small document model every export writer shares: title, numbered sections and their
 * content with figures already formatted. Writers never number headings or format figures.
 */
export interface TextInline {
  kind: 'text'
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** Text that came from an indicator node (a figure, or its gap). */
  figure?: boolean
}

export type Inline = TextInline | { kind: 'break' }

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'table'; header: string[]; rows: string[][] }

export interface ExportSection {
  id: string
  number: string
  title: string
  level: number
  /** The opening before 一、 (导语): its paragraphs are printed without a heading. */
  lead: boolean
  blocks: Block[]
}

export interface ExportDocument {
  title: string
  organisation: string
  /** Closing date, e.g. 2026年12月31日. */
  date: string
  sections: ExportSection[]
  /** 附件 after the closing, e.g. 指标汇总表 (every figure of the summary), when asked for. */
  appendix?: { title: string; blocks: Block[] }
}

/** China Standard Time is UTC+8 all year: dates of the summaries are days in China. */
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The day `date` is in China, as `2026-12-31` (what an `<input type="date">` holds). */
export const chinaIsoDay = (date: Date): string => new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** formatChineseDate(new Date('2026-12-31')) === '2026年12月31日' (in China Standard Time). */
export const formatChineseDate = (date: Date): string => {
  const [year, month, day] = chinaIsoDay(date).split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/**
 * A closing date the office chose (落款日期), `YYYY-MM-DD`, as a Date on that day in China; null
 * when it is not a real calendar day (2026-02-30) or not in that form.
 */
export const parseClosingDate = (text: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS)
  return chinaIsoDay(date) === text && year >= 1900 ? date : null
}

export const CLOSING_DATE_FORMAT_MESSAGE = '落款日期应为 YYYY-MM-DD 格式的有效日期，如 2026-12-31'

/** The plain text of a run of inlines. */
export const inlineText = (inlines: readonly Inline[]): string => inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('')
