/**
 * Next year's summary from this year's (“沿用上年总结”): the outline as the office left it
 * (titles, levels, departments, 写作提示, 字数目标, 导语; their years moved on), every section writing again; every
 * figure's value becomes its 上年 value, so 同比 computes itself once the new values come in.
 * Last year's text is not copied: its typed figures would all be stale. A section the template
 * knows starts with the template's sentence, which now shows 同比 as well.
 *
 * Continued into a summary of the other period (a 半年总结 from last year's 年度总结, or the
 * other way round), titles and 写作提示 are worded for the new period (下半年工作打算, 上半年), and
 * no value becomes 上年: a half-year's figures compared with a whole year's would print a wrong 同比.
 */
import * as Y from 'yjs'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import { createOutlineEntry, getOutline, readMeta, readOutline, writeMeta, type SummaryMeta } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { flattenSections, indicatorParents, type Template } from '../../shared/schema/template.js'
import { periodLead, periodOf, rewordForPeriod } from '../../shared/period.js'
import { shiftYears } from '../../shared/yearText.js'
import { indicatorEntry } from './buildSummaryDoc.js'
import { seedSectionBody } from './seedSectionBody.js'

export const buildFromEarlier = (earlier: Y.Doc, template: Template, meta: SummaryMeta, departmentIds: ReadonlyMap<string, string>): Y.Doc => {
  const doc = new Y.Doc()
  doc.transact(() => {
    writeMeta(doc, meta)
    const earlierMeta = readMeta(earlier)
    const [from, fromPeriod, period] = [earlierMeta.year, periodOf(earlierMeta), periodOf(meta)]
    const indicators = getIndicators(doc)
    for (const [key, figure] of Object.entries(readIndicators(earlier))) {
      indicators.set(key, { ...figure, previous: period === fromPeriod ? figure.value : null, value: null, target: null, updatedAt: null, source: null })
    }
    for (const definition of template.indicators ?? []) if (!indicators.has(definition.key)) indicators.set(definition.key, indicatorEntry(definition, departmentIds))
    const figures = readIndicators(doc)
    const parents = indicatorParents(template)
    const seeds = new Map(flattenSections(template.sections).map((section) => [section.id, section.indicators ?? []]))
    const outline = getOutline(doc)
    // Who writes a section is decided again each year: the 执笔人 is not carried over.
    // Its years move on with it: 2027年工作打算 becomes 2028年工作打算, 较2025年 较2026年.
    const words = (text: string) => rewordForPeriod(shiftYears(text, from, meta.year), fromPeriod, period, meta.year)
    for (const { writer: _writer, ...entry } of readOutline(earlier)) {
      outline.push([createOutlineEntry({ ...entry, title: words(entry.title), hint: words(entry.hint), status: 'drafting' })])
      seedSectionBody(doc.getXmlFragment(sectionRoot(entry.id)), seeds.get(entry.id) ?? [], figures, parents, periodLead(meta.period))
    }
  })
  return doc
}
