/** Named versions in PostgreSQL (the SQLite twin: ../versions.ts). */
import type { Store } from '../types.js'
import type { VersionRecord } from '../versions.js'
import type { PgDb } from './db.js'

const toVersion = (row: Record<string, unknown>): VersionRecord => ({
  id: String(row.id),
  summaryId: String(row.summary_id),
  name: String(row.name),
  createdBy: (row.created_by as string | null) ?? null,
  createdByName: String(row.created_by_name),
  createdAt: Number(row.created_at),
})

export const postgresVersions = ({ pool, one, all }: PgDb): Store['versions'] => ({
  insert: async (version, data) => {
    await pool.query('INSERT INTO versions (id, summary_id, name, data, created_by, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      version.id, version.summaryId, version.name, Buffer.from(data), version.createdBy, version.createdByName, version.createdAt,
    ])
  },
  list: async (summaryId) => (await all('SELECT id, summary_id, name, created_by, created_by_name, created_at FROM versions WHERE summary_id = $1 ORDER BY created_at', [summaryId])).map(toVersion),
  remove: async (summaryId, id) => void (await pool.query('DELETE FROM versions WHERE summary_id = $1 AND id = $2', [summaryId, id])),
  get: async (summaryId, id) => {
    const row = await one('SELECT * FROM versions WHERE summary_id = $1 AND id = $2', [summaryId, id])
    return row ? { ...toVersion(row), data: new Uint8Array(row.data as Buffer) } : undefined
  },
})
