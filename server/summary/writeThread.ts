/** Adds a comment thread to the `comments` root (inside a server transaction). */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { getComments, type CommentReply } from '../../shared/doc/comments.js'
import { sectionRoot } from '../../shared/doc/roots.js'

export interface NewThread {
  sectionId: string
  anchorStart: string
  anchorEnd: string
  quote: string
  text: string
  mentions: string[]
  mentionedPeople: string[]
  authorId: string
  authorName: string
  departmentId: string | null
  suggestion?: string
  wholeSection?: true
}

export const writeThread = (doc: Y.Doc, id: string, thread: NewThread): void => {
  const map = new Y.Map<unknown>()
  getComments(doc).set(id, map)
  for (const [key, value] of Object.entries({ ...thread, createdAt: Date.now(), editedAt: null, resolved: false, resolvedBy: null })) if (value !== undefined) map.set(key, value)
  map.set('replies', new Y.Array<CommentReply>())
}

/** A comment on the whole section (评论本节, 催办): anchors collapsed at its start, no quote. */
export const sectionStartAnchors = (doc: Y.Doc, sectionId: string): Pick<NewThread, 'anchorStart' | 'anchorEnd' | 'quote' | 'wholeSection'> => {
  const start = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(sectionRoot(sectionId)), 0)))
  return { anchorStart: start, anchorEnd: start, quote: '', wholeSection: true }
}
