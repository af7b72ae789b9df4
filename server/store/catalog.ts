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
}

export interface SummaryRow {
  id: string
  title: string
  year: number
  organisation: string
  template_id: string
  created_at: number
  archived_at: number | null
}

export const toSummary = (row: SummaryRow): SummaryRecord => ({
  id: row.id,
  title: row.title,
  year: Number(row.year),
  organisation: row.organisation,
  templateId: row.template_id,
  createdAt: Number(row.created_at),
  ...(row.archived_at === null || row.archived_at === undefined ? {} : { archivedAt: Number(row.archived_at) }),
})

const readSummary = (db: Db, id: string): SummaryRecord | undefined => {
  const row = db.prepare<[string], SummaryRow>('SELECT * FROM summaries WHERE id = ?').get(id)
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
  listSummaries: async (): Promise<SummaryRecord[]> =>
    db.prepare<[], SummaryRow>('SELECT * FROM summaries ORDER BY created_at DESC').all().map(toSummary),
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
