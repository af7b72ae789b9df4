/** A section's text as paragraphs (figures as they print, table cells per row), for comparing texts. */
import type * as Y from 'yjs'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { blocksText } from '../../shared/sectionAnalysis.js'
import { findEntryIndex } from './outlineEdits.js'

/** A deleted section's text stays in the doc, but it is no longer part of the summary: none. */
export const sectionParagraphs = (doc: Y.Doc, sectionId: string): string[] =>
  findEntryIndex(doc, sectionId) >= 0
    ? readSectionBlocks(doc, sectionId).flatMap((block) => blocksText([block]).split('\n')).filter((line) => line.trim() !== '')
    : []
