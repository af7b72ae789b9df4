/**
 * Typed readers and writers of the `meta` and `outline` roots. Only the server writes them; the
 * client and the exports read them through these helpers instead of spreading `.get()` casts.
 */
import * as Y from 'yjs'
import { readOfficialForm, type OfficialForm } from '../officialForm.js'
import { META_ROOT, OUTLINE_ROOT } from './roots.js'

export type SectionStatus = 'drafting' | 'review' | 'final'

export interface OutlineEntry {
  id: string
  title: string
  level: number
  departmentId: string
  status: SectionStatus
  hint: string
  wordTarget: number
  /** The opening before 一、 (导语): unnumbered, no heading in the exports; stored only when true. */
  lead: boolean
  /** 执笔人: the member of the department who writes the section, when one is named. */
  writer?: SectionWriter
}

/** A section's 执笔人, with the name as it was when named (shown to people who cannot list users). */
export interface SectionWriter {
  id: string
  name: string
}

const readWriter = (value: unknown): SectionWriter | undefined => {
  const writer = value as Partial<SectionWriter> | null | undefined
  return typeof writer?.id === 'string' && typeof writer.name === 'string' ? { id: writer.id, name: writer.name } : undefined
}

export interface SummaryMeta {
  title: string
  year: number
  organisation: string
  templateId: string
  /** The earlier summary this one continues (POST /api/summaries `basedOn`), if any. */
  basedOn?: string
  /** The day sections are to be handed in by (截止日期, `YYYY-MM-DD`), if the office set one. */
  dueDate?: string
  /** 全文字数上限: how many 字 the whole summary may have (the office's notice: 控制在5000字以内). */
  wordLimit?: number
  /** 公文格式: 主送机关 or 称谓, and the 版头 and 版记 a .docx prints when asked (officialForm.ts). */
  official?: OfficialForm
  /** 'half' for a 半年总结 (period.ts); absent for a year's. */
  period?: 'half'
}

export const getOutline = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray(OUTLINE_ROOT)
export const getMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META_ROOT)

const readEntry = (entry: Y.Map<unknown>): OutlineEntry => {
  const writer = readWriter(entry.get('writer'))
  return {
    id: String(entry.get('id') ?? ''),
    title: String(entry.get('title') ?? ''),
    level: Number(entry.get('level') ?? 1),
    departmentId: String(entry.get('departmentId') ?? ''),
    status: (entry.get('status') as SectionStatus | undefined) ?? 'drafting',
    hint: String(entry.get('hint') ?? ''),
    wordTarget: Number(entry.get('wordTarget') ?? 0),
    lead: entry.get('lead') === true,
    ...(writer ? { writer } : {}),
  }
}

/** The outline in document order as plain objects. */
export const readOutline = (doc: Y.Doc): OutlineEntry[] => getOutline(doc).toArray().map(readEntry)

export const readMeta = (doc: Y.Doc): SummaryMeta => {
  const meta = getMeta(doc)
  const official = readOfficialForm(meta.get('official'))
  const wordLimit = meta.get('wordLimit')
  return {
    title: String(meta.get('title') ?? ''),
    year: Number(meta.get('year') ?? 0),
    organisation: String(meta.get('organisation') ?? ''),
    templateId: String(meta.get('templateId') ?? ''),
    ...(typeof meta.get('basedOn') === 'string' ? { basedOn: meta.get('basedOn') as string } : {}),
    ...(typeof meta.get('dueDate') === 'string' ? { dueDate: meta.get('dueDate') as string } : {}),
    ...(typeof wordLimit === 'number' && wordLimit > 0 ? { wordLimit } : {}),
    ...(official ? { official } : {}),
    ...(meta.get('period') === 'half' ? { period: 'half' as const } : {}),
  }
}

/** Builds the Y.Map stored for one outline entry. */
export const createOutlineEntry = (entry: OutlineEntry): Y.Map<unknown> => {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(entry)) if (value !== undefined && (key !== 'lead' || value === true)) map.set(key, value)
  return map
}

/** Writes the keys of `meta` that are set; `null` removes the deadline, the word limit or the 公文格式. */
export const writeMeta = (doc: Y.Doc, meta: Partial<Omit<SummaryMeta, 'dueDate' | 'official' | 'wordLimit'>> & { dueDate?: string | null; official?: OfficialForm | null; wordLimit?: number | null }): void => {
  const map = getMeta(doc)
  for (const [key, value] of Object.entries(meta)) {
    if (value === null) map.delete(key)
    else if (value !== undefined) map.set(key, value)
  }
}
