/**
 * Each summary's update log and snapshot in PostgreSQL (the SQLite twin: ../updates.ts). Appends
 * to one summary are serialised by a per-summary advisory lock, which keeps sequence numbers
 * contiguous across processes.
 */
import type pg from 'pg'
import type { Store } from '../types.js'
import type { UpdateRecord } from '../updates.js'
import type { PgDb } from './db.js'

const lastSeq = async (client: pg.PoolClient | pg.Pool, summaryId: string): Promise<number> =>
  Number(
    (
      await client.query<{ seq: number }>(
        `SELECT COALESCE(MAX(seq), 0) AS seq FROM (SELECT seq FROM summary_updates WHERE summary_id = $1
         UNION ALL SELECT upto_seq AS seq FROM summary_snapshots WHERE summary_id = $1) AS known`,
        [summaryId],
      )
    ).rows[0]!.seq,
  )

export const postgresUpdates = ({ one, all, transaction }: PgDb): Store['updates'] => ({
  append: (summaryId, records: readonly UpdateRecord[]) =>
    transaction(async (client) => {
      // One writer per summary at a time, across processes: sequence numbers stay contiguous.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [summaryId])
      let seq = await lastSeq(client, summaryId)
      const now = Date.now()
      for (const record of records) {
        seq += 1
        await client.query('INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          summaryId, seq, Buffer.from(record.data), record.authorId, JSON.stringify(record.sections), now,
        ])
        if (!record.authorId) continue
        for (const sectionId of record.sections) {
          await client.query(
            `INSERT INTO section_activity (summary_id, section_id, user_id, edits, first_edit_at, last_edit_at) VALUES ($1, $2, $3, 1, $4, $4)
             ON CONFLICT (summary_id, section_id, user_id) DO UPDATE SET edits = section_activity.edits + 1, last_edit_at = excluded.last_edit_at`,
            [summaryId, sectionId, record.authorId, now],
          )
        }
      }
      return seq
    }),
  compact: (summaryId, state, uptoSeq) =>
    transaction(async (client) => {
      await client.query(
        `INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (summary_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at
         WHERE excluded.upto_seq > summary_snapshots.upto_seq`,
        [summaryId, Buffer.from(state), uptoSeq, Date.now()],
      )
      await client.query('DELETE FROM summary_updates WHERE summary_id = $1 AND seq <= $2', [summaryId, uptoSeq])
    }),
  load: async (summaryId) => {
    const snapshot = await one<{ data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = $1', [summaryId])
    const rows = await all<{ data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = $1 AND seq > $2 ORDER BY seq', [summaryId, snapshot?.upto_seq ?? 0])
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      snapshotSeq: snapshot?.upto_seq ?? 0,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
    }
  },
  loadSince: async (summaryId, seq) =>
    (await all<{ data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = $1 AND seq > $2 ORDER BY seq', [summaryId, seq])).map((row) => ({
      seq: row.seq,
      data: new Uint8Array(row.data),
    })),
  activity: async (summaryId) =>
    (
      await all<{ section_id: string; user_id: string; edits: number; last_edit_at: number }>(
        'SELECT section_id, user_id, edits, last_edit_at FROM section_activity WHERE summary_id = $1 ORDER BY last_edit_at DESC',
        [summaryId],
      )
    ).map((row) => ({ sectionId: row.section_id, userId: row.user_id, edits: row.edits, lastEditAt: row.last_edit_at })),
})
