/** Each summary's journal in PostgreSQL (the SQLite twin: ../journal.ts). */
import { JOURNAL_LIMIT, toJournalEntry } from '../journal.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresJournal = ({ pool, all }: PgDb): Store['journal'] => ({
  record: async (entry) => {
    await pool.query('INSERT INTO journal (summary_id, at, user_id, user_name, action, section_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      entry.summaryId, entry.at, entry.userId, entry.userName, entry.action, entry.sectionId, entry.detail,
    ])
  },
  list: async (summaryId) => (await all('SELECT * FROM journal WHERE summary_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [summaryId, JOURNAL_LIMIT])).map(toJournalEntry),
})
