/**
 * 复制: the same report in another form (a 讲话稿 for the year-end meeting, a short version to
 * send up) starts as a copy — text, figures, outline, 公文格式 — and goes its own way. Comments
 * are about the original's wording and stay with it, as do its versions and who wrote what;
 * approval was of the original, so every section is being written again.
 */
import type * as Y from 'yjs'
import { getComments } from '../../shared/doc/comments.js'
import { getOutline, writeMeta } from '../../shared/doc/outline.js'

/** Turns `doc`, a copy of a summary's state, into the start of a new summary titled `title`. */
export const makeCopyOf = (doc: Y.Doc, title: string): void => {
  doc.transact(() => {
    writeMeta(doc, { title })
    const comments = getComments(doc)
    for (const threadId of [...comments.keys()]) comments.delete(threadId)
    for (const entry of getOutline(doc).toArray()) entry.set('status', 'drafting')
  })
}
