/**
 * Comparing texts paragraph by paragraph: for a section against a version (unchanged, inserted
 * and deleted paragraphs in reading order, jsdiff's diffArrays), and for what changed in a
 * section since a reader last read it, where a paragraph changed in place reads as its words
 * changed (ICU's Chinese word breaks: 4.8 → 5.2 is one change, not two digits), as in the 修订版.
 */
import { diffArrays, diffWords } from 'diff'

export interface ParagraphChange {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export const diffParagraphs = (before: readonly string[], after: readonly string[]): ParagraphChange[] =>
  diffArrays([...before], [...after]).flatMap((part) => part.value.map((text) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text }) as const))

/** How much of the longer text a word diff keeps, below which a paragraph reads as rewritten. */
const KEPT_SHARE = 0.5

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' })

/** A paragraph changed in place, word by word; null when less than half of it is kept (rewritten). */
export const diffWithinParagraph = (before: string, after: string): ParagraphChange[] | null => {
  const parts = diffWords(before, after, { intlSegmenter: WORDS })
  const kept = parts.reduce((sum, part) => sum + (part.added || part.removed ? 0 : part.value.length), 0)
  if (kept < Math.max(before.length, after.length) * KEPT_SHARE) return null
  return parts.map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }))
}

/** A paragraph of a comparison: unchanged, added or removed whole, or changed in place (its words). */
export type ReadableChange = ParagraphChange | { op: 'change'; parts: ParagraphChange[] }

/** Paragraphs compared, a removed run and the added run after it paired in order as changed paragraphs. */
export const diffReadable = (before: readonly string[], after: readonly string[]): ReadableChange[] => {
  const changes: ReadableChange[] = []
  let removed: string[] = []
  const pair = (added: readonly string[]) => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const old = removed[index]
      const now = added[index]
      const parts = old !== undefined && now !== undefined ? diffWithinParagraph(old, now) : null
      if (parts) changes.push({ op: 'change', parts })
      else changes.push(...(old !== undefined ? [{ op: 'delete', text: old } as const] : []), ...(now !== undefined ? [{ op: 'insert', text: now } as const] : []))
    }
    removed = []
  }
  for (const part of diffArrays([...before], [...after])) {
    if (part.removed) removed.push(...part.value)
    else if (part.added) pair(part.value)
    else {
      pair([])
      changes.push(...part.value.map((text) => ({ op: 'equal', text }) as const))
    }
  }
  pair([])
  return changes
}
