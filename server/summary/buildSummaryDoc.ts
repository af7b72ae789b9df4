/**
 * Builds the initial Y.Doc of a summary from a template: meta, outline (section ids are the
 * template's ids, so `section:<id>` roots are predictable), the indicator definitions and one
 * fragment per section, opened with an indicator sentence where the template lists figures.
 */
import * as Y from 'yjs'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { createOutlineEntry, getOutline, writeMeta, type OutlineEntry, type SummaryMeta } from '../../shared/doc/outline.js'
import { defaultPrecision } from '../../shared/indicators/format.js'
import { renderYears } from '../../shared/yearText.js'
import { periodLead, periodOf, rewordForPeriod } from '../../shared/period.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { flattenSections, indicatorParents, type FlatTemplateSection, type IndicatorDefinition, type Template } from '../../shared/schema/template.js'
import { seedSectionBody } from './seedSectionBody.js'

export interface IndicatorValue {
  value: number | null
  previous?: number | null
  target?: number | null
}

/** The stored figure of a template indicator, with its initial values if any. */
export const indicatorEntry = (definition: IndicatorDefinition, departmentIds: ReadonlyMap<string, string>, figure?: IndicatorValue): IndicatorData => ({
  label: definition.label,
  unit: definition.unit,
  precision: definition.precision ?? defaultPrecision(definition.unit),
  approx: definition.approx ?? false,
  departmentId: departmentIds.get(definition.department) ?? '',
  // A rate is computed from its two figures (readIndicators): nothing of it is stored but its target.
  value: definition.ratio ? null : (figure?.value ?? null),
  previous: definition.ratio ? null : (figure?.previous ?? null),
  target: figure?.target ?? null,
  updatedAt: figure ? Date.now() : null,
  source: figure ? '演示数据（examples/park-annual-figures.csv）' : null,
  ...(definition.ratio ? { ratio: definition.ratio } : {}),
})

/**
 * The outline entry of a template's section for a summary of `year` (a 半年总结's words for
 * `period` half), writing (撰写中) and owned by its department.
 */
export const templateOutlineEntry = (section: FlatTemplateSection, departmentIds: ReadonlyMap<string, string>, year: number, period?: 'half'): OutlineEntry => {
  const words = (text: string) => rewordForPeriod(renderYears(text, year), 'year', periodOf({ period }), year)
  return {
    id: section.id,
    title: words(section.title),
    level: section.level,
    departmentId: departmentIds.get(section.department) ?? '',
    status: 'drafting',
    hint: words(section.hint ?? ''),
    wordTarget: section.wordTarget ?? 0,
    lead: section.lead === true,
  }
}

export const renderTemplateTitle = (template: Template, organisation: string, year: number): string => renderYears(template.title.replaceAll('{organisation}', organisation), year)

/**
 * @param departmentIds maps template department names to department ids
 * @param values optional initial figures by indicator key
 */
export const buildSummaryDoc = (
  template: Template,
  meta: SummaryMeta,
  departmentIds: ReadonlyMap<string, string>,
  values: Readonly<Record<string, IndicatorValue>> = {},
): Y.Doc => {
  const doc = new Y.Doc()
  doc.transact(() => {
    writeMeta(doc, meta)
    const indicators = getIndicators(doc)
    for (const definition of template.indicators ?? []) indicators.set(definition.key, indicatorEntry(definition, departmentIds, values[definition.key]))
    const figures = readIndicators(doc)
    const parents = indicatorParents(template)
    const outline = getOutline(doc)
    for (const section of flattenSections(template.sections)) {
      outline.push([
        createOutlineEntry(templateOutlineEntry(section, departmentIds, meta.year, meta.period)),
      ])
      seedSectionBody(doc.getXmlFragment(sectionRoot(section.id)), section.indicators ?? [], figures, parents, periodLead(meta.period))
    }
  })
  return doc
}
