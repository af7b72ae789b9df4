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
}

interface SummaryRow {
  id: string
  title: string
  year: number
  organisation: string
  template_id: string
  created_at: number
}

const toSummary = (row: SummaryRow): SummaryRecord => ({
  id: row.id,
  title: row.title,
  year: row.year,
  organisation: row.organisation,
  templateId: row.template_id,
  createdAt: row.created_at,
})

export const createCatalog = (db: Db) => ({
  listTemplates: (): Array<{ id: string; title: string; builtin: boolean }> =>
    db
      .prepare<[], { id: string; title: string; builtin: number }>('SELECT id, title, builtin FROM templates ORDER BY builtin DESC, created_at')
      .all()
      .map((row) => ({ id: row.id, title: row.title, builtin: row.builtin === 1 })),
  getTemplate: (id: string): Template | undefined => {
    const row = db.prepare<[string], { body: string }>('SELECT body FROM templates WHERE id = ?').get(id)
    return row ? (JSON.parse(row.body) as Template) : undefined
  },
  /** Stores a validated template; an upload with an existing id replaces that template. */
  saveTemplate: (template: Template, builtin = false): void => {
    db.prepare(
      `INSERT INTO templates (id, title, body, builtin, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, builtin = excluded.builtin`,
    ).run(template.id, template.title, JSON.stringify(template), builtin ? 1 : 0, Date.now())
  },
  listSummaries: (): SummaryRecord[] =>
    db.prepare<[], SummaryRow>('SELECT * FROM summaries ORDER BY created_at DESC').all().map(toSummary),
  getSummary: (id: string): SummaryRecord | undefined => {
    const row = db.prepare<[string], SummaryRow>('SELECT * FROM summaries WHERE id = ?').get(id)
    return row ? toSummary(row) : undefined
  },
  insertSummary: (summary: SummaryRecord, createdBy: string | null): void => {
    db.prepare(
      'INSERT INTO summaries (id, title, year, organisation, template_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(summary.id, summary.title, summary.year, summary.organisation, summary.templateId, createdBy, summary.createdAt)
  },
})

export type Catalog = ReturnType<typeof createCatalog>
