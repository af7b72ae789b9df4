/**
 * Creates a summary from a stored template: departments matched by name (created when
 * missing), the initial Y.Doc built and stored as the first snapshot in one transaction.
 */
import * as Y from 'yjs'
import type { Template } from '../../shared/schema/template.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import type { Store } from '../store/index.js'
import { buildSummaryDoc, renderTemplateTitle, type IndicatorValue } from './buildSummaryDoc.js'

export interface CreateSummaryInput {
  templateId: string
  year: number
  organisation: string
  title?: string
  values?: Record<string, IndicatorValue>
}

export const createSummary = (store: Store, input: CreateSummaryInput, createdBy: string | null): { id: string; title: string } => {
  const template: Template | undefined = store.catalog.getTemplate(input.templateId)
  if (!template) throw new AppError(404, 'unknown-template', `模板“${input.templateId}”不存在`)
  const id = createId()
  const title = input.title ?? renderTemplateTitle(template, input.organisation, input.year)
  store.db.transaction(() => {
    const departmentIds = new Map(template.departments.map((name) => [name, store.directory.ensureDepartment(name).id]))
    const doc = buildSummaryDoc(template, { title, year: input.year, organisation: input.organisation, templateId: template.id }, departmentIds, input.values)
    store.catalog.insertSummary({ id, title, year: input.year, organisation: input.organisation, templateId: template.id, createdAt: Date.now() }, createdBy)
    store.updates.compactNow(id, Y.encodeStateAsUpdate(doc), 0)
    doc.destroy()
  })()
  return { id, title }
}
