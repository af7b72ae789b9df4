/**
 * 批注版: comment threads carried into an export as Word comments. Each thread's phrase is marked
 * in a throw-away copy of the summary by two private-use characters, one where it starts and one
 * where it ends, so the ordinary reading of the sections (figures, lists, numbering) carries the
 * places along; the .docx writer turns the marks into comment ranges. Never call this on a
 * summary people are editing: it writes into the sections.
 */
import * as Y from 'yjs'
import { readThreads, resolveAnchor, threadWords, type CommentThread } from '../doc/comments.js'
import { getOutline, readOutline } from '../doc/outline.js'
import { sectionRoot } from '../doc/roots.js'

/** At most this many threads are marked (the private-use ranges hold 2048 each). */
const MAX_MARKED = 2048
const START = 0xe000
const END = 0xe800

export interface ExportCommentReply {
  author: string
  at: number
  text: string
}

export interface ExportComment {
  /** The number the marks carry. */
  id: number
  author: string
  at: number
  text: string
  resolved: boolean
  replies: ExportCommentReply[]
}

export type MarkedPiece = { kind: 'text'; text: string } | { kind: 'start' | 'end'; id: number }

const MARK = /[\ue000-\uefff]/u

/** Text with marks as pieces: text, where comment `id` starts, where it ends. */
export const splitCommentMarks = (text: string): MarkedPiece[] => {
  const pieces: MarkedPiece[] = []
  let plain = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (!MARK.test(char)) {
      plain += char
      continue
    }
    if (plain) pieces.push({ kind: 'text', text: plain })
    plain = ''
    pieces.push(code < END ? { kind: 'start', id: code - START } : { kind: 'end', id: code - END })
  }
  if (plain) pieces.push({ kind: 'text', text: plain })
  return pieces
}

/** Whether a text carries marks at all (most runs do not). */
export const hasCommentMarks = (text: string): boolean => MARK.test(text)

/** Where an anchor points, when that is inside a text of the section. */
const textPlace = (doc: Y.Doc, anchor: string, root: Y.XmlFragment): { text: Y.XmlText; index: number } | null => {
  const place = resolveAnchor(doc, anchor, root)
  return place && place.type instanceof Y.XmlText ? { text: place.type, index: place.index } : null
}

/**
 * Marks the phrases of the threads in `copy` (all, or only open ones) in outline order and
 * returns them as export comments numbered like their marks; a comment on a whole section marks
 * its heading. A thread whose phrase is gone or starts or ends beside a figure (no text to hold
 * the mark) is left out, as is one on a whole 导语 (no heading is printed).
 */
export const markComments = (copy: Y.Doc, which: 'open' | 'all'): ExportComment[] => {
  const order = new Map(readOutline(copy).map((entry, index) => [entry.id, index]))
  const threads = readThreads(copy)
    .filter((thread) => order.has(thread.sectionId) && (which === 'all' || !thread.resolved))
    .sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)! || a.createdAt - b.createdAt)
    .slice(0, MAX_MARKED)
  const marked: ExportComment[] = []
  const headings = new Map(getOutline(copy).toArray().map((entry) => [String(entry.get('id')), entry]))
  const place = (thread: CommentThread, id: number): boolean => {
    // A comment on the whole section (评论本节) goes on its heading; a lead (导语) prints none.
    if (thread.wholeSection) {
      const heading = headings.get(thread.sectionId)
      if (!heading || heading.get('lead') === true) return false
      heading.set('title', String.fromCharCode(START + id) + String(heading.get('title')) + String.fromCharCode(END + id))
      return true
    }
    const root = copy.getXmlFragment(sectionRoot(thread.sectionId))
    const start = textPlace(copy, thread.anchorStart, root)
    const end = textPlace(copy, thread.anchorEnd, root)
    if (!start || !end || (start.text === end.text && start.index >= end.index)) return false
    // The end first: inserting it never moves the start, which is before it.
    end.text.insert(end.index, String.fromCharCode(END + id))
    start.text.insert(start.index, String.fromCharCode(START + id))
    return true
  }
  copy.transact(() => {
    for (const thread of threads) {
      const id = marked.length
      if (!place(thread, id)) continue
      marked.push({
        id,
        author: thread.authorName,
        at: thread.createdAt,
        text: threadWords(thread),
        resolved: thread.resolved,
        replies: thread.replies.map((reply) => ({ author: reply.authorName, at: reply.createdAt, text: reply.text })),
      })
    }
  })
  return marked
}
