/** Named versions of a summary (初稿、送审稿、定稿…): full Yjs state, so exports are exact. */
import type { Db } from './db.js'

export interface VersionRecord {
  id: string
  summaryId: string
  name: string
  createdBy: string | null
  createdByName: string
  createdAt: number
}

interface VersionRow {
  id: string
  summary_id: string
  name: string
  created_by: string | null
  created_by_name: string
  created_at: number
}

const toVersion = (row: VersionRow): VersionRecord => ({
  id: row.id,
  summaryId: row.summary_id,
  name: row.name,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
})

export const createVersions = (db: Db) => ({
  insert: async (version: VersionRecord, data: Uint8Array): Promise<void> => {
    db.prepare('INSERT INTO versions (id, summary_id, name, data, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      version.id,
      version.summaryId,
      version.name,
      data,
      version.createdBy,
      version.createdByName,
      version.createdAt,
    )
  },
  list: async (summaryId: string): Promise<VersionRecord[]> =>
    db.prepare<[string], VersionRow>('SELECT id, summary_id, name, created_by, created_by_name, created_at FROM versions WHERE summary_id = ? ORDER BY created_at').all(summaryId).map(toVersion),
  remove: async (summaryId: string, id: string): Promise<void> => {
    db.prepare('DELETE FROM versions WHERE summary_id = ? AND id = ?').run(summaryId, id)
  },
  get: async (summaryId: string, id: string): Promise<(VersionRecord & { data: Uint8Array }) | undefined> => {
    const row = db.prepare<[string, string], VersionRow & { data: Buffer }>('SELECT * FROM versions WHERE summary_id = ? AND id = ?').get(summaryId, id)
    return row ? { ...toVersion(row), data: new Uint8Array(row.data) } : undefined
  },
})

export type Versions = ReturnType<typeof createVersions>
