/**
 * Where each figure appears: for each indicator key, the numbered headings of the sections whose
 * text shows it (inline or in a table), in outline order. The figures panel shows it; a figure
 * still shown somewhere cannot be removed.
 */
import type * as Y from 'yjs'
import { readOutline } from './doc/outline.js'
import { readSectionIndicatorKeys } from './export/buildExportDocument.js'
import { numberOutline } from './numbering.js'

export const figureUsage = (doc: Y.Doc): Map<string, string[]> => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const usage = new Map<string, string[]>()
  outline.forEach((entry, index) => {
    for (const key of new Set(readSectionIndicatorKeys(doc, entry.id))) usage.set(key, [...(usage.get(key) ?? []), `${numbers[index]}${entry.title}`])
  })
  return usage
}
