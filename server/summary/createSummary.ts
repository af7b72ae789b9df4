/**
 * Creates a summary from a stored template: departments matched by name (created when
 * missing), the initial Y.Doc built and stored as the first snapshot together with the
 * summary's record, in one transaction.
 */
import * as Y from 'yjs'
import { readMeta } from '../../shared/doc/outline.js'
import type { Template } from '../../shared/schema/template.js'
import { shiftYears } from '../../shared/yearText.js'
import { halfYearTitle, periodOf } from '../../shared/period.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import type { Store } from '../store/index.js'
import { buildFromEarlier } from './buildFromEarlier.js'
import { buildSummaryDoc, renderTemplateTitle, type IndicatorValue } from './buildSummaryDoc.js'

export interface CreateSummaryInput {
  templateId: string
  year: number
  organisation: string
  title?: string
  /** 截止日期, `YYYY-MM-DD`. */
  dueDate?: string
  /** A 半年总结 (上半年工作总结和下半年工作打算). */
  period?: 'year' | 'half'
  values?: Record<string, IndicatorValue>
}

/** The title of the summary continued, for this one: its organisation and its years moved on (…2026年工作总结和2027年工作打算 → …2027年…2028年…). */
const continuedTitle = (earlier: Y.Doc, input: Pick<CreateSummaryInput, 'organisation' | 'year'>): string => {
  const { title, organisation, year } = readMeta(earlier)
  return shiftYears(organisation ? title.replaceAll(organisation, input.organisation) : title, year, input.year)
}

/** `earlier`: a summary (its id and doc) whose outline and figures the new one continues (buildFromEarlier). */
export const createSummary = async (store: Store, input: CreateSummaryInput, createdBy: string | null, earlier?: { id: string; doc: Y.Doc }): Promise<{ id: string; title: string }> => {
  const template: Template | undefined = await store.catalog.getTemplate(input.templateId)
  if (!template) throw new AppError(404, 'unknown-template', `模板“${input.templateId}”不存在`)
  const half = input.period === 'half'
  // Continued into the same period, the title moves on with its years; otherwise it is the new period's own.
  const samePeriod = earlier !== undefined && periodOf(readMeta(earlier.doc)) === periodOf(input)
  const title = input.title ?? (samePeriod ? continuedTitle(earlier.doc, input) : half ? halfYearTitle(input.organisation, input.year) : renderTemplateTitle(template, input.organisation, input.year))
  const departmentIds = new Map(await Promise.all(template.departments.map(async (name) => [name, (await store.directory.ensureDepartment(name)).id] as const)))
  const meta = { title, year: input.year, organisation: input.organisation, templateId: template.id, ...(input.dueDate ? { dueDate: input.dueDate } : {}), ...(half ? { period: 'half' as const } : {}) }
  const doc = earlier ? buildFromEarlier(earlier.doc, template, { ...meta, basedOn: earlier.id }, departmentIds) : buildSummaryDoc(template, meta, departmentIds, input.values)
  try {
    return await storeNewSummary(store, doc, createdBy)
  } finally {
    doc.destroy()
  }
}

/**
 * Registers the summary built in `doc` under a new id, its record (title, year, organisation,
 * template) read from the doc's meta, and stores the doc as its first snapshot.
 */
export const storeNewSummary = async (store: Store, doc: Y.Doc, createdBy: string | null): Promise<{ id: string; title: string }> => {
  const { title, year, organisation, templateId } = readMeta(doc)
  const id = createId()
  await store.catalog.insertSummary({ id, title, year, organisation, templateId, createdAt: Date.now() }, createdBy, Y.encodeStateAsUpdate(doc))
  return { id, title }
}
