/** 有改动: what GET /api/summaries/:id/changes answers (server/http/readMarks.ts), read by the page and the list. */

export interface ChangedSection {
  sectionId: string
  /** The numbered heading as the outline shows it now. */
  heading: string
  /** Who else edited it since it was read, the latest first; none when the server changed it (figures). */
  editors: string[]
  /** The figures it shows that were updated since it was read (协议资金). */
  figures: string[]
  lastEditAt: number | null
  /** When the reader marked it read; 0 for a section added since. */
  readAt: number
}

/** Replies to a thread the reader took part in, from others, since its section was read. */
export interface NewReplies {
  threadId: string
  sectionId: string
  count: number
  /** Who replied, the first first. */
  from: string[]
}

export interface ChangesReport {
  /** The reader's latest mark; null before the first. */
  readAt: number | null
  sections: ChangedSection[]
  replies: NewReplies[]
}

/** How many new replies a report counts, over every thread. */
export const countReplies = (replies: readonly NewReplies[]): number => replies.reduce((sum, thread) => sum + thread.count, 0)
