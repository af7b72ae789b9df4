/**
 * The per-summary update log plus its snapshot. Appends are group commits: every append of one
 * event-loop turn, of every summary, lands in one transaction (GroupCommit). Compaction swaps
 * the log prefix for a snapshot in one transaction, so a crash at any point leaves either the
 * old log or the new snapshot, never neither.
 */
import type { Db } from './db.js'
import type { GroupCommit } from './groupCommit.js'

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
  /** The last update the snapshot holds (0 without one); `updates` are the ones after it. */
  snapshotSeq: number
  updates: Uint8Array[]
  lastSeq: number
}

const LAST_SEQ = `SELECT COALESCE(MAX(seq), 0) AS seq FROM (SELECT MAX(seq) AS seq FROM summary_updates WHERE summary_id = @summary
  UNION ALL SELECT upto_seq AS seq FROM summary_snapshots WHERE summary_id = @summary)`
const INSERT_UPDATE = 'INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES (?, ?, ?, ?, ?, ?)'
// Who edited which section survives compaction: it is kept apart from the update log.
const RECORD_ACTIVITY = `INSERT INTO section_activity (summary_id, section_id, user_id, edits, first_edit_at, last_edit_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT(summary_id, section_id, user_id) DO UPDATE SET edits = edits + excluded.edits, last_edit_at = excluded.last_edit_at`
// A snapshot never goes back: a stale compaction (another process, a slow worker) is a no-op.
const UPSERT_SNAPSHOT = `INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES (?, ?, ?, ?)
  ON CONFLICT(summary_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at
  WHERE excluded.upto_seq > summary_snapshots.upto_seq`
const DELETE_UPTO = 'DELETE FROM summary_updates WHERE summary_id = ? AND seq <= ?'

/** Edits per (section, author) in a batch, for the progress page's "who wrote what". */
const countEdits = (records: readonly UpdateRecord[]) => {
  const edits = new Map<string, { sectionId: string; authorId: string; count: number }>()
  for (const { authorId, sections } of records) {
    if (!authorId) continue
    for (const sectionId of sections) {
      const key = `${sectionId}\u0000${authorId}`
      const entry = edits.get(key) ?? { sectionId, authorId, count: 0 }
      entry.count += 1
      edits.set(key, entry)
    }
  }
  return edits.values()
}

export const createUpdateLog = (db: Db, commits: GroupCommit) => {
  const lastSeq = db.prepare<{ summary: string }, { seq: number }>(LAST_SEQ)
  const insertUpdate = db.prepare(INSERT_UPDATE)
  const recordActivity = db.prepare(RECORD_ACTIVITY)
  const upsertSnapshot = db.prepare(UPSERT_SNAPSHOT)
  const deleteUpto = db.prepare(DELETE_UPTO)
  const selectSnapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = ?')
  const selectUpdates = db.prepare<[string, number], { data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = ? AND seq > ? ORDER BY seq')

  return {
    /** Appends a batch in one transaction; resolves with the last sequence number written. */
    append: (summaryId: string, records: readonly UpdateRecord[]): Promise<number> =>
      commits.run(() => {
        const now = Date.now()
        let seq = lastSeq.get({ summary: summaryId })!.seq
        for (const record of records) insertUpdate.run(summaryId, ++seq, record.data, record.authorId, JSON.stringify(record.sections), now)
        for (const { sectionId, authorId, count } of countEdits(records)) recordActivity.run(summaryId, sectionId, authorId, count, now, now)
        return seq
      }),

    /** Replaces the log up to `uptoSeq` by `state` (the full document state at that point). */
    compact: (summaryId: string, state: Uint8Array, uptoSeq: number): Promise<void> =>
      commits.run(() => {
        upsertSnapshot.run(summaryId, state, uptoSeq, Date.now())
        deleteUpto.run(summaryId, uptoSeq)
      }),

    load: async (summaryId: string): Promise<StoredState> => {
      const snapshot = selectSnapshot.get(summaryId)
      const rows = selectUpdates.all(summaryId, snapshot?.upto_seq ?? 0)
      return {
        snapshot: snapshot?.data ?? null,
        snapshotSeq: snapshot?.upto_seq ?? 0,
        updates: rows.map((row) => row.data),
        lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
      }
    },

    loadSince: async (summaryId: string, seq: number): Promise<Array<{ seq: number; data: Uint8Array }>> =>
      selectUpdates.all(summaryId, seq).map((row) => ({ seq: row.seq, data: row.data })),

    activity: async (summaryId: string): Promise<SectionActivity[]> =>
      db
        .prepare<[string], { section_id: string; user_id: string; edits: number; last_edit_at: number }>(
          'SELECT section_id, user_id, edits, last_edit_at FROM section_activity WHERE summary_id = ? ORDER BY last_edit_at DESC',
        )
        .all(summaryId)
        .map((row) => ({ sectionId: row.section_id, userId: row.user_id, edits: row.edits, lastEditAt: row.last_edit_at })),
  }
}

export type UpdateLog = ReturnType<typeof createUpdateLog>
