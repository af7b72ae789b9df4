/**
 * 建议修改: a comment thread that proposes other words for its phrase, accepted by whoever may
 * write the section. The phrase must be plain text of one paragraph — one Y.XmlText between its
 * anchors, no figure or line break inside — so the server can put the words in place exactly.
 */
import * as Y from 'yjs'
import { resolveAnchor } from '../../shared/doc/comments.js'
import { sectionRoot } from '../../shared/doc/roots.js'

export interface SuggestedRange {
  text: Y.XmlText
  index: number
  length: number
  /** What the phrase reads now. */
  current: string
}

interface TextRun {
  insert: unknown
  attributes?: Record<string, unknown>
}

/** The phrase between two anchors when it is plain text within one paragraph, else null. */
export const suggestedRange = (doc: Y.Doc, sectionId: string, anchorStart: string, anchorEnd: string): SuggestedRange | null => {
  const root = doc.getXmlFragment(sectionRoot(sectionId))
  const start = resolveAnchor(doc, anchorStart, root)
  const end = resolveAnchor(doc, anchorEnd, root)
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText) || start.index >= end.index) return null
  const plain = (start.type.toDelta() as TextRun[]).map((run) => (typeof run.insert === 'string' ? run.insert : '')).join('')
  return { text: start.type, index: start.index, length: end.index - start.index, current: plain.slice(start.index, end.index) }
}

/** The formatting (bold, italic) of the character at `index`, for the words that replace it. */
const formattingAt = (text: Y.XmlText, index: number): Record<string, unknown> => {
  let offset = 0
  for (const run of text.toDelta() as TextRun[]) {
    const length = typeof run.insert === 'string' ? run.insert.length : 1
    if (index < offset + length) return run.attributes ?? {}
    offset += length
  }
  return {}
}

/** Puts the suggested words in place of the phrase (inside a server transaction). */
export const replacePhrase = ({ text, index, length }: SuggestedRange, words: string): void => {
  const formatting = formattingAt(text, index)
  text.delete(index, length)
  if (words) text.insert(index, words, formatting)
}
