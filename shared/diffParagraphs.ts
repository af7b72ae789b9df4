/**
 * Paragraph-level diff for comparing a section with an earlier version: unchanged, inserted and
 * deleted paragraphs in reading order (jsdiff's diffArrays; a changed paragraph is its deletion
 * followed by its insertion).
 */
import { diffArrays } from 'diff'

export interface ParagraphChange {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export const diffParagraphs = (before: readonly string[], after: readonly string[]): ParagraphChange[] =>
  diffArrays([...before], [...after]).flatMap((part) => part.value.map((text) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text }) as const))
