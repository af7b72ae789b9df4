/** Templates and summaries in PostgreSQL (the SQLite twin: ../catalog.ts). */
import type { Template } from '../../../shared/schema/template.js'
import { SUMMARY_TABLES, toSummary, type SummaryRow } from '../catalog.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresCatalog = ({ pool, one, all, transaction }: PgDb): Store['catalog'] => {
  const catalog: Store['catalog'] = {
    listTemplates: async () => (await all<{ id: string; title: string; builtin: boolean }>('SELECT id, title, builtin FROM templates ORDER BY builtin DESC, created_at, id')).map((row) => ({ ...row })),
    getTemplate: async (id) => {
      const row = await one<{ body: string }>('SELECT body FROM templates WHERE id = $1', [id])
      return row ? (JSON.parse(row.body) as Template) : undefined
    },
    saveTemplate: async (template, builtin = false, createdAt = Date.now()) => {
      await pool.query(
        `INSERT INTO templates (id, title, body, builtin, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO ${builtin ? 'NOTHING' : 'UPDATE SET title = excluded.title, body = excluded.body, builtin = excluded.builtin'}`,
        [template.id, template.title, JSON.stringify(template), builtin, createdAt],
      )
    },
    deleteTemplate: async (id) => void (await pool.query('DELETE FROM templates WHERE id = $1', [id])),
    listSummaries: async () => (await all<SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NULL ORDER BY created_at DESC')).map(toSummary),
    listDeleted: async () => (await all<SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC')).map(toSummary),
    getSummary: async (id) => {
      const row = await one<SummaryRow>('SELECT * FROM summaries WHERE id = $1 AND deleted_at IS NULL', [id])
      return row ? toSummary(row) : undefined
    },
    getDeletedSummary: async (id) => {
      const row = await one<SummaryRow>('SELECT * FROM summaries WHERE id = $1 AND deleted_at IS NOT NULL', [id])
      return row ? toSummary(row) : undefined
    },
    setDeleted: async (id, deletedBy) => {
      await pool.query('UPDATE summaries SET deleted_at = $1, deleted_by = $2 WHERE id = $3', [deletedBy === null ? null : Date.now(), deletedBy, id])
      return deletedBy === null ? catalog.getSummary(id) : catalog.getDeletedSummary(id)
    },
    purgeSummary: (id) =>
      transaction(async (client) => {
        // Locked, so a restore on another process cannot slip in between the check and the delete.
        if ((await client.query('SELECT 1 FROM summaries WHERE id = $1 AND deleted_at IS NOT NULL FOR UPDATE', [id])).rowCount === 0) return
        for (const table of SUMMARY_TABLES) await client.query(`DELETE FROM ${table} WHERE summary_id = $1`, [id])
        await client.query('DELETE FROM summaries WHERE id = $1', [id])
      }),
    setArchived: async (id, archived) => {
      await pool.query('UPDATE summaries SET archived_at = $1 WHERE id = $2', [archived ? Date.now() : null, id])
      return catalog.getSummary(id)
    },
    setTitle: async (id, title) => {
      await pool.query('UPDATE summaries SET title = $1 WHERE id = $2', [title, id])
      return catalog.getSummary(id)
    },
    insertSummary: (summary, createdBy, snapshot) =>
      transaction(async (client) => {
        await client.query('INSERT INTO summaries (id, title, year, organisation, template_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          summary.id, summary.title, summary.year, summary.organisation, summary.templateId, createdBy, summary.createdAt,
        ])
        await client.query('INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES ($1, $2, 0, $3)', [summary.id, Buffer.from(snapshot), Date.now()])
      }),
    claimInitialisation: async () =>
      (await pool.query("INSERT INTO settings (key, value) VALUES ('initialised', $1) ON CONFLICT (key) DO NOTHING", [new Date().toISOString()])).rowCount === 1,
  }
  return catalog
}
