/**
 * What a local copy of a summary holds that the server's copy does not: after a refused edit the
 * editor discards its local copy and syncs a fresh one, and the paragraphs only the discarded
 * copy had are shown to the writer to copy, instead of vanishing.
 */
import type * as Y from 'yjs'
import { diffParagraphs } from '../diffParagraphs.js'
import { readSectionBlocks } from '../export/buildExportDocument.js'
import { blocksText } from '../sectionAnalysis.js'
import { readOutline } from './outline.js'

export interface UnsavedSection {
  sectionId: string
  title: string
  /** Paragraphs of the local copy the server's copy lacks or has in another wording. */
  paragraphs: string[]
}

const paragraphsOf = (doc: Y.Doc, sectionId: string): string[] =>
  blocksText(readSectionBlocks(doc, sectionId))
    .split('\n')
    .filter((line) => line.trim() !== '')

export const findUnsavedParagraphs = (local: Y.Doc, server: Y.Doc): UnsavedSection[] =>
  readOutline(local).flatMap(({ id, title }) => {
    const paragraphs = diffParagraphs(paragraphsOf(local, id), paragraphsOf(server, id))
      .filter((change) => change.op === 'delete')
      .map((change) => change.text)
    return paragraphs.length > 0 ? [{ sectionId: id, title, paragraphs }] : []
  })
