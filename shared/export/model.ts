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

/** formatChineseDate(new Date('2026-12-31')) === '2026年12月31日' (in China Standard Time). */
export const formatChineseDate = (date: Date): string => {
  const china = new Date(date.getTime() + 8 * 3_600_000)
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`
}

/** The day `date` is in China, as `2026-12-31` (what an `<input type="date">` holds). */
export const chinaIsoDay = (date: Date): string => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * A closing date the office chose (落款日期), `YYYY-MM-DD`, as a Date on that day in China; null
 * when it is not a real calendar day (2026-02-30) or not in that form.
 */
export const parseClosingDate = (text: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day) - 8 * 3_600_000)
  return chinaIsoDay(date) === text && year >= 1900 ? date : null
}

export const CLOSING_DATE_FORMAT_MESSAGE = '落款日期应为 YYYY-MM-DD 格式的有效日期，如 2026-12-31'

/** The plain text of a run of inlines. */
export const inlineText = (inlines: readonly Inline[]): string => inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('')
