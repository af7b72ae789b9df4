/**
 * What each reader last read of each section (已读): the section's paragraphs as they were when
 * the reader marked it read, so that later the sections others changed since can be marked and
 * the change shown word by word. One row per reader and section; marking again replaces it.
 */
import type { Db } from './db.js'

export interface ReadMark {
  sectionId: string
  readAt: number
  paragraphs: string[]
}

export const toReadMark = (row: { section_id: string; read_at: number; paragraphs: string }): ReadMark => ({
  sectionId: row.section_id,
  readAt: Number(row.read_at),
  paragraphs: JSON.parse(row.paragraphs) as string[],
})

export const createReadMarks = (db: Db) => {
  const upsert = db.prepare(`INSERT INTO section_reads (summary_id, user_id, section_id, read_at, paragraphs) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(summary_id, user_id, section_id) DO UPDATE SET read_at = excluded.read_at, paragraphs = excluded.paragraphs`)
  const select = db.prepare<[string, string], { section_id: string; read_at: number; paragraphs: string }>(
    'SELECT section_id, read_at, paragraphs FROM section_reads WHERE summary_id = ? AND user_id = ?',
  )
  return {
    list: async (summaryId: string, userId: string): Promise<ReadMark[]> => select.all(summaryId, userId).map(toReadMark),
    /** All marks in one transaction. */
    save: async (summaryId: string, userId: string, marks: readonly ReadMark[]): Promise<void> =>
      db.transaction(() => {
        for (const mark of marks) upsert.run(summaryId, userId, mark.sectionId, mark.readAt, JSON.stringify(mark.paragraphs))
      })(),
  }
}
