/** Read marks (有改动) in PostgreSQL (the SQLite twin: ../readMarks.ts). */
import { toReadMark } from '../readMarks.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresReadMarks = ({ all, transaction }: PgDb): Store['reads'] => ({
  list: async (summaryId, userId) =>
    (await all<{ section_id: string; read_at: number; paragraphs: string }>('SELECT section_id, read_at, paragraphs FROM section_reads WHERE summary_id = $1 AND user_id = $2', [summaryId, userId])).map(toReadMark),
  save: (summaryId, userId, marks) =>
    transaction(async (client) => {
      for (const mark of marks) {
        await client.query(
          `INSERT INTO section_reads (summary_id, user_id, section_id, read_at, paragraphs) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (summary_id, user_id, section_id) DO UPDATE SET read_at = excluded.read_at, paragraphs = excluded.paragraphs`,
          [summaryId, userId, mark.sectionId, mark.readAt, JSON.stringify(mark.paragraphs)],
        )
      }
    }),
})
