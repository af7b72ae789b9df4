/**
 * The per-summary update log plus its snapshot. Appends are group commits (one transaction per
 * batch); compaction swaps the log prefix for a snapshot in one transaction, so a crash at any
 * point leaves either the old log or the new snapshot, never neither. Writes go through the
 * SqlWriter (a worker thread), so the durable commit never blocks the loop; reads use the main
 * connection.
 */
import type { Db } from './db.js'
import type { SqlOperation, SqlWriter } from './sqlWriter.js'

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

const LAST_SEQ = `SELECT COALESCE(MAX(seq), 0) AS seq FROM (SELECT seq FROM summary_updates WHERE summary_id = @summary
  UNION ALL SELECT upto_seq AS seq FROM summary_snapshots WHERE summary_id = @summary)`
const INSERT_UPDATE = `INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at)
  VALUES (@summary, (${LAST_SEQ}) + 1, @data, @author, @sections, @now)`
// Who edited which section survives compaction: it is kept apart from the update log.
const RECORD_ACTIVITY = `INSERT INTO section_activity (summary_id, section_id, user_id, edits, first_edit_at, last_edit_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT(summary_id, section_id, user_id) DO UPDATE SET edits = edits + excluded.edits, last_edit_at = excluded.last_edit_at`
// A snapshot never goes back: a stale compaction (another process, a slow worker) is a no-op.
const UPSERT_SNAPSHOT = `INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES (?, ?, ?, ?)
  ON CONFLICT(summary_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at
  WHERE excluded.upto_seq > summary_snapshots.upto_seq`
const DELETE_UPTO = 'DELETE FROM summary_updates WHERE summary_id = ? AND seq <= ?'

const appendOperations = (summaryId: string, records: readonly UpdateRecord[]): SqlOperation[] => {
  const now = Date.now()
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
  return [
    ...records.map((record) => ({ sql: INSERT_UPDATE, params: { summary: summaryId, data: record.data, author: record.authorId, sections: JSON.stringify(record.sections), now } })),
    ...[...edits.values()].map(({ sectionId, authorId, count }) => ({ sql: RECORD_ACTIVITY, params: [summaryId, sectionId, authorId, count, now, now] })),
    { sql: LAST_SEQ, params: { summary: summaryId }, mode: 'get' as const },
  ]
}

const compactOperations = (summaryId: string, state: Uint8Array, uptoSeq: number): SqlOperation[] => [
  { sql: UPSERT_SNAPSHOT, params: [summaryId, state, uptoSeq, Date.now()] },
  { sql: DELETE_UPTO, params: [summaryId, uptoSeq] },
]

export const createUpdateLog = (db: Db, writer: SqlWriter) => {
  const run = <T>(operations: SqlOperation[]): Promise<T> => writer.transact<T>(operations)

  const selectSnapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = ?')
  const selectUpdates = db.prepare<[string, number], { data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = ? AND seq > ? ORDER BY seq')

  return {
    /** Appends a batch in one transaction; resolves with the last sequence number written. */
    append: async (summaryId: string, records: readonly UpdateRecord[]): Promise<number> =>
      (await run<{ seq: number }>(appendOperations(summaryId, records))).seq,

    /** Replaces the log up to `uptoSeq` by `state` (the full document state at that point). */
    compact: (summaryId: string, state: Uint8Array, uptoSeq: number): Promise<void> => run(compactOperations(summaryId, state, uptoSeq)),

    load: async (summaryId: string): Promise<StoredState> => {
      const snapshot = selectSnapshot.get(summaryId)
      const rows = selectUpdates.all(summaryId, snapshot?.upto_seq ?? 0)
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
      }
    },

    loadSince: async (summaryId: string, seq: number): Promise<Array<{ seq: number; data: Uint8Array }>> =>
      selectUpdates.all(summaryId, seq).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),

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
