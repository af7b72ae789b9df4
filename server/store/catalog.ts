/** Templates and the summary register (title, year, organisation); summary content is the Y.Doc. */
import type { Template } from '../../shared/schema/template.js'
import type { Db } from './db.js'

export interface SummaryRecord {
  id: string
  title: string
  year: number
  organisation: string
  templateId: string
  createdAt: number
  /** When the admin archived it (hidden from the list); absent while it is not. */
  archivedAt?: number
  /** When the admin moved it to the 回收站, and their name; absent while it is not there. */
  deletedAt?: number
  deletedBy?: string
}

export interface SummaryRow {
  id: string
  title: string
  year: number
  organisation: string
  template_id: string
  created_at: number
  archived_at: number | null
  deleted_at: number | null
  deleted_by: string | null
}

export const toSummary = (row: SummaryRow): SummaryRecord => ({
  id: row.id,
  title: row.title,
  year: Number(row.year),
  organisation: row.organisation,
  templateId: row.template_id,
  createdAt: Number(row.created_at),
  ...(row.archived_at === null || row.archived_at === undefined ? {} : { archivedAt: Number(row.archived_at) }),
  ...(row.deleted_at === null || row.deleted_at === undefined ? {} : { deletedAt: Number(row.deleted_at), deletedBy: row.deleted_by ?? '' }),
})

/** What a summary's purge deletes, children first (every table that names a summary). */
export const SUMMARY_TABLES = ['section_reads', 'journal', 'versions', 'section_activity', 'summary_updates', 'summary_snapshots'] as const

/** A summary in use (archived or not); one in the 回收站 only with `deleted`. */
const readSummary = (db: Db, id: string, deleted = false): SummaryRecord | undefined => {
  const row = db.prepare<[string], SummaryRow>(`SELECT * FROM summaries WHERE id = ? AND deleted_at IS ${deleted ? 'NOT ' : ''}NULL`).get(id)
  return row ? toSummary(row) : undefined
}

export const createCatalog = (db: Db) => ({
  listTemplates: async (): Promise<Array<{ id: string; title: string; builtin: boolean }>> =>
    db
      .prepare<[], { id: string; title: string; builtin: number }>('SELECT id, title, builtin FROM templates ORDER BY builtin DESC, created_at, id')
      .all()
      .map((row) => ({ id: row.id, title: row.title, builtin: row.builtin === 1 })),
  getTemplate: async (id: string): Promise<Template | undefined> => {
    const row = db.prepare<[string], { body: string }>('SELECT body FROM templates WHERE id = ?').get(id)
    return row ? (JSON.parse(row.body) as Template) : undefined
  },
  /**
   * Stores a validated template. An upload replaces the template of the same id (a built-in
   * one too); a built-in is only installed when no template has its id, so a replacement
   * survives restarts.
   */
  saveTemplate: async (template: Template, builtin = false, createdAt = Date.now()): Promise<void> => {
    db.prepare(
      `INSERT INTO templates (id, title, body, builtin, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO ${builtin ? 'NOTHING' : 'UPDATE SET title = excluded.title, body = excluded.body, builtin = excluded.builtin'}`,
    ).run(template.id, template.title, JSON.stringify(template), builtin ? 1 : 0, createdAt)
  },
  deleteTemplate: async (id: string): Promise<void> => {
    db.prepare('DELETE FROM templates WHERE id = ?').run(id)
  },
  /** Every summary in use, newest first (those in the 回收站 are not). */
  listSummaries: async (): Promise<SummaryRecord[]> =>
    db.prepare<[], SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NULL ORDER BY created_at DESC').all().map(toSummary),
  /** The 回收站, the latest deleted first. */
  listDeleted: async (): Promise<SummaryRecord[]> =>
    db.prepare<[], SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC').all().map(toSummary),
  getDeletedSummary: async (id: string): Promise<SummaryRecord | undefined> => readSummary(db, id, true),
  /** Moves a summary to the 回收站 (`deletedBy`: who) or back (null); answers it as it is then. */
  setDeleted: async (id: string, deletedBy: string | null): Promise<SummaryRecord | undefined> => {
    db.prepare('UPDATE summaries SET deleted_at = ?, deleted_by = ? WHERE id = ?').run(deletedBy === null ? null : Date.now(), deletedBy, id)
    return readSummary(db, id, deletedBy !== null)
  },
  /** Deletes a summary in the 回收站 and everything stored of it, in one transaction; one in use is left alone. */
  purgeSummary: async (id: string): Promise<void> => {
    db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM summaries WHERE id = ? AND deleted_at IS NOT NULL').get(id)) return
      for (const table of SUMMARY_TABLES) db.prepare(`DELETE FROM ${table} WHERE summary_id = ?`).run(id)
      db.prepare('DELETE FROM summaries WHERE id = ?').run(id)
    })()
  },
  /** Archives a summary (it leaves the default list) or brings it back; answers it, or undefined. */
  setArchived: async (id: string, archived: boolean): Promise<SummaryRecord | undefined> => {
    db.prepare('UPDATE summaries SET archived_at = ? WHERE id = ?').run(archived ? Date.now() : null, id)
    return readSummary(db, id)
  },
  setTitle: async (id: string, title: string): Promise<SummaryRecord | undefined> => {
    db.prepare('UPDATE summaries SET title = ? WHERE id = ?').run(title, id)
    return readSummary(db, id)
  },
  getSummary: async (id: string): Promise<SummaryRecord | undefined> => readSummary(db, id),
  /** Registers a summary and stores its first snapshot, in one transaction. */
  insertSummary: async (summary: SummaryRecord, createdBy: string | null, snapshot: Uint8Array): Promise<void> => {
    db.transaction(() => {
      db.prepare(
        'INSERT INTO summaries (id, title, year, organisation, template_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(summary.id, summary.title, summary.year, summary.organisation, summary.templateId, createdBy, summary.createdAt)
      db.prepare('INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES (?, ?, 0, ?)').run(summary.id, snapshot, Date.now())
    })()
  },
  /** Claims the one-time first-start set-up; true for exactly one caller per database. */
  claimInitialisation: async (): Promise<boolean> =>
    db.prepare("INSERT INTO settings (key, value) VALUES ('initialised', ?) ON CONFLICT(key) DO NOTHING").run(new Date().toISOString()).changes === 1,
})

export type Catalog = ReturnType<typeof createCatalog>
