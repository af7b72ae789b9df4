import type { ExportComment } from './commentMarks.js'

/**
 * The small document model every export writer shares: title, numbered sections and their
 * content with figures already formatted. Writers never number headings or format figures.
 */
/** 修订版: what happened to a piece since the version compared with. */
export type Change = 'insert' | 'delete'

export interface TextInline {
  kind: 'text'
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** Text that came from an indicator node (a figure, or its gap). */
  figure?: boolean
  /** 修订版: text added or removed since the version compared with (.docx tracked changes). */
  change?: Change
}

export type Inline = TextInline | { kind: 'break' }

export type Block =
  /** `change` (修订版): the whole paragraph was added or removed, its paragraph mark too. */
  | { kind: 'paragraph'; inlines: Inline[]; change?: Change }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  /** A table of figures (指标表 or the 附件): text only, as it prints now. */
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** A table the writers made: rows of cells, the first `headerRows` rows headings. */
  | { kind: 'grid'; headerRows: number; rows: GridCell[][] }

/** One cell of a writers' table: its paragraphs as inlines joined by line breaks, and its span. */
export interface GridCell {
  inlines: Inline[]
  colspan: number
  rowspan: number
}

export interface ExportSection {
  id: string
  number: string
  title: string
  level: number
  /** The opening before 一、 (导语): its paragraphs are printed without a heading. */
  lead: boolean
  blocks: Block[]
  /** 修订版: the title with its changes, printed instead of `title` when present. */
  titleChanges?: TextInline[]
  /** 修订版: the whole section was added or removed since the version compared with. */
  change?: Change
}

/** 红头 (.docx, `letterhead=1`): the 版头 above the title and the 版记 at the foot of the last page. */
export interface Letterhead {
  /** 发文机关标志, in red. */
  issuer: string
  /** 发文字号, under it, above the red line. */
  number?: string
  /** 签发人 (上行文): right of the 发文字号, which then stands one character in from the left. */
  signer?: string
  /** 抄送机关 (版记). */
  copyTo?: string
  /** 印发机关 (版记), printed with the closing date and 印发. */
  printedBy?: string
}

export interface ExportDocument {
  title: string
  /** 主送机关 or 称谓, flush left under the title, with its colon. */
  addressee?: string
  letterhead?: Letterhead
  organisation: string
  /** Closing date, e.g. 2026年12月31日. */
  date: string
  /** 附注 under the closing date, printed in brackets (GB/T 9704 7.3.7). */
  note?: string
  sections: ExportSection[]
  /** 附件 after the closing, e.g. 指标汇总表 (every figure of the summary), when asked for. */
  appendix?: { title: string; blocks: Block[] }
  /** 批注版: comment threads whose phrases are marked in the text (commentMarks.ts); .docx only. */
  comments?: ExportComment[]
  /** 修订版: who and when the tracked changes are attributed to (trackChanges.ts); .docx only. */
  revision?: { author: string; date: string }
  /** 部门分稿: one department's part; it ends with a line for its head's signature, not the closing. */
  part?: { department: string }
  /** 稿本标注 under the title of a draft sent round: 征求意见稿, 讨论稿… (DRAFT_MARKS). */
  draftMark?: DraftMark
}

/** What a draft is marked as, under its title, when it goes round before it is final. */
export const DRAFT_MARKS = ['征求意见稿', '讨论稿', '送审稿', '审议稿', '修改稿'] as const
export type DraftMark = (typeof DRAFT_MARKS)[number]

/** `department=all` of an export (`--department all`): every department's part, each a file of its own, in one .zip. */
export const ALL_PARTS = 'all'

/** The lines a 部门分稿 ends with, where the whole summary has its closing. */
export const signOffLines = (part: { department: string }): string[] => [`撰写部门：${part.department}`, '部门负责人审核（签字）：', '日期：　　年　　月　　日']

export const CLOSING_DATE_FORMAT_MESSAGE = '落款日期应为 YYYY-MM-DD 格式的有效日期，如 2026-12-31'

/** The plain text of a run of inlines. */
export const inlineText = (inlines: readonly Inline[]): string => inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('')
