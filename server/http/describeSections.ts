/** Sections of a summary as the API shows them: derived number, department name, status, 字数. */
import type * as Y from 'yjs'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readOutline, type OutlineEntry } from '../../shared/doc/outline.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { numberOutline } from '../../shared/numbering.js'
import { sectionWords } from '../../shared/sectionAnalysis.js'
import type { Store } from '../store/index.js'

type Figures = Readonly<Record<string, IndicatorData>>

/** Department names by id, read once per request. */
export const departmentNames = async (store: Store): Promise<Map<string, string>> =>
  new Map((await store.directory.listDepartments()).map((department) => [department.id, department.name]))

const describeEntry = (doc: Y.Doc, entry: OutlineEntry, number: string, names: ReadonlyMap<string, string>, figures: Figures) => ({
  id: entry.id,
  number,
  title: entry.title,
  level: entry.level,
  departmentId: entry.departmentId,
  departmentName: names.get(entry.departmentId) ?? '',
  status: entry.status,
  hint: entry.hint,
  wordTarget: entry.wordTarget,
  words: sectionWords(doc, entry.id, figures),
  // Only on a lead (导语) and where a 执笔人 is named, so other answers keep their shape.
  ...(entry.lead ? { lead: true } : {}),
  ...(entry.writer ? { writer: entry.writer } : {}),
})

export const describeSections = (doc: Y.Doc, names: ReadonlyMap<string, string>) => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  return outline.map((entry, index) => describeEntry(doc, entry, numbers[index]!, names, figures))
}

/** One section as describeSections shows it, its text alone read (a route's answer after a change). */
export const describeSection = (doc: Y.Doc, names: ReadonlyMap<string, string>, sectionId: string) => {
  const outline = readOutline(doc)
  const index = outline.findIndex((entry) => entry.id === sectionId)
  return index < 0 ? undefined : describeEntry(doc, outline[index]!, numberOutline(outline)[index]!, names, readIndicators(doc))
}

/** A section's numbered heading as the outline shows it now (一、主要工作完成情况). */
export const headingOf = (doc: Y.Doc, sectionId: string): string | undefined => {
  const outline = readOutline(doc)
  const index = outline.findIndex((entry) => entry.id === sectionId)
  return index < 0 ? undefined : `${numberOutline(outline)[index]}${outline[index]!.title}`
}
