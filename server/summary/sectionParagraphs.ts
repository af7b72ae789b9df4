/** A section's text as paragraphs (figures as they print, table cells per row), for comparing texts. */
import type * as Y from 'yjs'
import { readIndicators } from '../../shared/doc/indicators.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { blocksText } from '../../shared/sectionAnalysis.js'
import { findEntryIndex } from './outlineEdits.js'

/**
 * A deleted section's text stays in the doc, but it is no longer part of the summary: none.
 * `figures`: the doc's, read once by a caller going through every section.
 */
export const sectionParagraphs = (doc: Y.Doc, sectionId: string, figures: Readonly<Record<string, IndicatorData>> = readIndicators(doc)): string[] =>
  findEntryIndex(doc, sectionId) >= 0
    ? readSectionBlocks(doc, sectionId, figures).flatMap((block) => blocksText([block]).split('\n')).filter((line) => line.trim() !== '')
    : []

export const sameParagraphs = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((text, index) => text === b[index])
