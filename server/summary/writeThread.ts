/** Adds a comment thread to the `comments` root (inside a server transaction). */
import * as Y from 'yjs'
import { getComments, type CommentReply } from '../../shared/doc/comments.js'

export interface NewThread {
  sectionId: string
  anchorStart: string
  anchorEnd: string
  quote: string
  text: string
  mentions: string[]
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
