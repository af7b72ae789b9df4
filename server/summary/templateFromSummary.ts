/**
 * A summary's structure as a template (另存为模板): the outline as the office left it (titles,
 * levels, departments, 写作提示, 字数目标, 导语), the figures it defines, and for each section the
 * figures its text shows, so a summary built from the template starts with those sentences.
 * No text, no values: a template is the skeleton. The organisation in the title becomes
 * {organisation} again, and the years in the title, section titles and 写作提示 {lastYear},
 * {year} and {nextYear} (shared/yearText.ts).
 */
import type * as Y from 'yjs'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { readSectionIndicatorKeys } from '../../shared/export/buildExportDocument.js'
import { defaultPrecision } from '../../shared/indicators/format.js'
import { nestSections, type IndicatorDefinition, type TemplateSection } from '../../shared/schema/template.js'
import { yearPlaceholders } from '../../shared/yearText.js'

/** Sections with no department get this one, which the template then lists. */
const UNASSIGNED = '办公室'

export const titlePattern = (title: string, organisation: string, year: number): string => yearPlaceholders(organisation ? title.replaceAll(organisation, '{organisation}') : title, year)

/** Unvalidated: the caller checks it as any uploaded template is checked. */
export const templateFromSummary = (doc: Y.Doc, departmentName: (id: string) => string | undefined, id: string, title?: string) => {
  const meta = readMeta(doc)
  const figures = readIndicators(doc)
  const nameOf = (departmentId: string) => departmentName(departmentId) ?? UNASSIGNED
  const departments = new Set<string>()

  const sections = nestSections(
    readOutline(doc).map((entry) => {
      const department = nameOf(entry.departmentId)
      departments.add(department)
      const indicators = [...new Set(readSectionIndicatorKeys(doc, entry.id))].filter((key) => figures[key])
      const section: TemplateSection = {
        id: entry.id,
        title: yearPlaceholders(entry.title, meta.year),
        department,
        ...(entry.hint ? { hint: yearPlaceholders(entry.hint, meta.year) } : {}),
        ...(entry.wordTarget > 0 ? { wordTarget: entry.wordTarget } : {}),
        ...(indicators.length ? { indicators } : {}),
        ...(entry.lead ? { lead: true } : {}),
      }
      return { level: entry.level, section }
    }),
  )

  const indicators: IndicatorDefinition[] = Object.entries(figures).map(([key, figure]) => {
    const department = nameOf(figure.departmentId)
    departments.add(department)
    return {
      key,
      label: figure.label,
      unit: figure.unit,
      department,
      ...(figure.precision !== defaultPrecision(figure.unit) ? { precision: figure.precision } : {}),
      ...(figure.approx !== false ? { approx: figure.approx } : {}),
      ...(figure.ratio ? { ratio: figure.ratio } : {}),
    }
  })

  return { id, title: title ?? titlePattern(meta.title, meta.organisation, meta.year), departments: [...departments], sections, indicators }
}
