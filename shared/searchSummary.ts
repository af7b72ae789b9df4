/**
 * 在所有总结中查找: where a phrase stands in a summary's text as it prints (its headings — how
 * last year's summary titled 营商环境 is what one looks for first —, figures as their values;
 * tables of figures left out), section by section, each hit with a little of the text around
 * it. Latin letters match whatever their case; a hit never spans lines (a heading, paragraphs,
 * cells).
 */
import type * as Y from 'yjs'
import { readIndicators } from './doc/indicators.js'
import { readOutline } from './doc/outline.js'
import { readSectionBlocks } from './export/buildExportDocument.js'
import { numberOutline } from './numbering.js'
import { blocksText } from './sectionAnalysis.js'

export interface SearchHit {
  sectionId: string
  /** The section's number and title: （二）招商引资取得新突破. */
  heading: string
  before: string
  match: string
  after: string
  /** The hit is in the heading itself (before, match and after are the heading's). */
  inHeading?: true
}

/** Characters of context on each side of a hit. */
const AROUND = 24

/**
 * Lower case, letter for letter: a hit's place in the folded line must be its place in the line
 * (`toLowerCase` alone makes İ two characters, which would shift every hit after it).
 */
const foldCase = (text: string): string =>
  text.replace(/\p{Lu}/gu, (letter) => {
    const lower = letter.toLowerCase()
    return lower.length === letter.length ? lower : letter
  })

export const searchSummary = (doc: Y.Doc, query: string, limit: number): SearchHit[] => {
  const wanted = foldCase(query)
  const figures = readIndicators(doc)
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const hits: SearchHit[] = []
  outline.forEach((entry, index) => {
    const heading = entry.lead ? '导语' : `${numbers[index]}${entry.title}`
    // Tables of figures are the data's, not text anyone wrote: a hit there says nothing new.
    const written = readSectionBlocks(doc, entry.id, figures).filter((block) => block.kind !== 'table')
    const lines = blocksText(written).split('\n').map((line) => ({ line, inHeading: false }))
    if (!entry.lead) lines.unshift({ line: heading, inHeading: true })
    for (const { line, inHeading } of lines) {
      const lower = foldCase(line)
      for (let at = lower.indexOf(wanted); at >= 0 && hits.length < limit; at = lower.indexOf(wanted, at + wanted.length)) {
        const start = Math.max(0, at - AROUND)
        const end = Math.min(line.length, at + wanted.length + AROUND)
        hits.push({
          sectionId: entry.id,
          heading,
          before: `${start > 0 ? '…' : ''}${line.slice(start, at).trimStart()}`,
          match: line.slice(at, at + wanted.length),
          after: `${line.slice(at + wanted.length, end)}${end < line.length ? '…' : ''}`,
          ...(inHeading ? { inHeading } : {}),
        })
      }
    }
  })
  return hits
}
