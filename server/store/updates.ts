/**
 * The per-summary update log plus its snapshot. Appends are group commits (one transaction per
 * batch); compaction swaps the log prefix for a snapshot in one transaction, so a crash at any
 * point leaves either the old log or the new snapshot, never neither.
 */
import type { Db } from './db.js'

export interface UpdateRecord {
  data: Uint8Array
  authorId: string | null
  sections: readonly string[]
}

export interface SectionActivity {
  sectionId: string
  userId: string
  edits: number
  lastEditAt: number
}

export interface StoredState {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  lastSeq: number
}

export const createUpdateLog = (db: Db) => {
  const lastSeqStatement = db.prepare<{ id: string }, { seq: number | null }>(
    `SELECT MAX(seq) AS seq FROM (SELECT seq FROM summary_updates WHERE summary_id = @id
       UNION ALL SELECT upto_seq AS seq FROM summary_snapshots WHERE summary_id = @id)`,
  )
  const insertUpdate = db.prepare(
    'INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const selectSnapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>(
    'SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = ?',
  )
  const selectUpdates = db.prepare<[string, number], { data: Buffer; seq: number }>(
    'SELECT data, seq FROM summary_updates WHERE summary_id = ? AND seq > ? ORDER BY seq',
  )
  const upsertSnapshot = db.prepare(
    `INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(summary_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at`,
  )
  const deleteUpdatesUpTo = db.prepare('DELETE FROM summary_updates WHERE summary_id = ? AND seq <= ?')
  // Who edited which section survives compaction: it is kept apart from the update log.
  const recordActivity = db.prepare(
    `INSERT INTO section_activity (summary_id, section_id, user_id, edits, first_edit_at, last_edit_at) VALUES (?, ?, ?, 1, ?, ?)
     ON CONFLICT(summary_id, section_id, user_id) DO UPDATE SET edits = edits + 1, last_edit_at = excluded.last_edit_at`,
  )

  const lastSeq = (summaryId: string): number => lastSeqStatement.get({ id: summaryId })?.seq ?? 0

  /** Appends a batch in one transaction and returns the last sequence number written. */
  const append = db.transaction((summaryId: string, records: readonly UpdateRecord[]): number => {
    let seq = lastSeq(summaryId)
    const now = Date.now()
    for (const record of records) {
      seq += 1
      insertUpdate.run(summaryId, seq, record.data, record.authorId, JSON.stringify(record.sections), now)
      if (record.authorId) for (const sectionId of record.sections) recordActivity.run(summaryId, sectionId, record.authorId, now, now)
    }
    return seq
  })

  const load = (summaryId: string): StoredState => {
    const snapshot = selectSnapshot.get(summaryId)
    const rows = selectUpdates.all(summaryId, snapshot?.upto_seq ?? 0)
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
    }
  }

  /** Replaces the log up to `uptoSeq` by `state` (the full document state at that point). */
  const compact = db.transaction((summaryId: string, state: Uint8Array, uptoSeq: number): void => {
    upsertSnapshot.run(summaryId, state, uptoSeq, Date.now())
    deleteUpdatesUpTo.run(summaryId, uptoSeq)
  })

  const activity = (summaryId: string): SectionActivity[] =>
    db
      .prepare<[string], { section_id: string; user_id: string; edits: number; last_edit_at: number }>(
        'SELECT section_id, user_id, edits, last_edit_at FROM section_activity WHERE summary_id = ? ORDER BY last_edit_at DESC',
      )
      .all(summaryId)
      .map((row) => ({ sectionId: row.section_id, userId: row.user_id, edits: row.edits, lastEditAt: row.last_edit_at }))

  return { append, load, compact, lastSeq, activity }
}

export type UpdateLog = ReturnType<typeof createUpdateLog>
