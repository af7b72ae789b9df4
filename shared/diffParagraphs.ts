/**
 * Comparing texts paragraph by paragraph: for a section against a version (unchanged, inserted
 * and deleted paragraphs in reading order, jsdiff's diffArrays), and for what changed in a
 * section since a reader last read it, where a paragraph changed in place reads as its words
 * changed (ICU's Chinese word breaks: 4.8 → 5.2 is one change, not two digits), as in the 修订版.
 */
import { diffArrays, diffChars, diffWords } from 'diff'

export interface ParagraphChange {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export const diffParagraphs = (before: readonly string[], after: readonly string[]): ParagraphChange[] =>
  diffArrays([...before], [...after]).flatMap((part) => part.value.map((text) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text }) as const))

/** How much of the longer text a word diff keeps, below which a paragraph reads as rewritten. */
const KEPT_SHARE = 0.5

/** Chinese word breaks where the runtime has them (not Chromium before 87, nor Firefox before 125: characters then). */
const WORDS = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

/** A paragraph changed in place, word by word; null when less than half of it is kept (rewritten). */
export const diffWithinParagraph = (before: string, after: string): ParagraphChange[] | null => {
  const parts = WORDS ? diffWords(before, after, { intlSegmenter: WORDS }) : diffChars(before, after)
  const kept = parts.reduce((sum, part) => sum + (part.added || part.removed ? 0 : part.value.length), 0)
  if (kept < Math.max(before.length, after.length) * KEPT_SHARE) return null
  return parts.map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }))
}

/** A paragraph of a comparison: unchanged, added or removed whole, or changed in place (its words). */
export type ReadableChange = ParagraphChange | { op: 'change'; parts: ParagraphChange[] }

/**
 * Two lists compared by `key` (jsdiff): each removed run, with the added run right after it
 * (maybe none), goes to `replace` to say what it became; unchanged items go through `same`. The
 * 修订版 compares blocks and table rows this way, 有改动 paragraphs.
 */
export const compareRuns = <T, R>(before: readonly T[], after: readonly T[], key: (item: T) => string, replace: (removed: T[], added: T[]) => R[], same: (item: T) => R): R[] => {
  const result: R[] = []
  let removed: T[] = []
  let beforeAt = 0
  let afterAt = 0
  for (const part of diffArrays(before.map(key), after.map(key))) {
    const count = part.value.length
    if (part.removed) {
      removed.push(...before.slice(beforeAt, beforeAt + count))
      beforeAt += count
      continue
    }
    result.push(...replace(removed, part.added ? after.slice(afterAt, afterAt + count) : []))
    removed = []
    if (!part.added) {
      result.push(...after.slice(afterAt, afterAt + count).map(same))
      beforeAt += count
    }
    afterAt += count
  }
  return [...result, ...replace(removed, [])]
}

/** A removed run and the added run replacing it, place by place in order; past the shorter run one side is missing. */
export const pairUp = <T, R>(removed: readonly T[], added: readonly T[], each: (old: T | undefined, now: T | undefined) => R[]): R[] =>
  Array.from({ length: Math.max(removed.length, added.length) }, (_, index) => each(removed[index], added[index])).flat()

/** Paragraphs compared, a removed run and the added run after it paired in order as changed paragraphs. */
export const diffReadable = (before: readonly string[], after: readonly string[]): ReadableChange[] =>
  compareRuns<string, ReadableChange>(
    before,
    after,
    (text) => text,
    (removed, added) =>
      pairUp(removed, added, (old, now): ReadableChange[] => {
        const parts = old !== undefined && now !== undefined ? diffWithinParagraph(old, now) : null
        if (parts) return [{ op: 'change', parts }]
        return [...(old !== undefined ? [{ op: 'delete', text: old } as const] : []), ...(now !== undefined ? [{ op: 'insert', text: now } as const] : [])]
      }),
    (text) => ({ op: 'equal', text }),
  )
