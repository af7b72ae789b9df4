/**
 * The journal of a summary (操作记录): who changed its structure, workflow or figures, when, and
 * what — one line in Chinese per change, written after the change took effect. Typing is not
 * journalled here (section_activity counts edits per person and section); versions keep texts.
 */
import type { Db } from './db.js'

export const JOURNAL_ACTIONS = ['section-status', 'section-edit', 'section-add', 'section-delete', 'section-restore', 'apply-template', 'figures', 'figure-definition', 'summary', 'version', 'suggestion'] as const
export type JournalAction = (typeof JOURNAL_ACTIONS)[number]

export interface JournalEntry {
  summaryId: string
  at: number
  userId: string | null
  userName: string
  action: JournalAction
  sectionId: string | null
  detail: string
}

export const toJournalEntry = (row: Record<string, unknown>): JournalEntry => ({
  summaryId: String(row.summary_id),
  at: Number(row.at),
  userId: (row.user_id as string | null) ?? null,
  userName: String(row.user_name),
  action: row.action as JournalAction,
  sectionId: (row.section_id as string | null) ?? null,
  detail: String(row.detail),
})

/** The newest first, at most this many. */
export const JOURNAL_LIMIT = 500

export const createJournal = (db: Db) => ({
  record: async (entry: JournalEntry): Promise<void> => {
    db.prepare('INSERT INTO journal (summary_id, at, user_id, user_name, action, section_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      entry.summaryId, entry.at, entry.userId, entry.userName, entry.action, entry.sectionId, entry.detail,
    )
  },
  list: async (summaryId: string): Promise<JournalEntry[]> =>
    db.prepare<[string, number]>('SELECT * FROM journal WHERE summary_id = ? ORDER BY at DESC, id DESC LIMIT ?').all(summaryId, JOURNAL_LIMIT).map((row) => toJournalEntry(row as Record<string, unknown>)),
})
