/** 催办 comments (server/http/reminders.ts) end when the section is handed in: resolved by who handed it in. */
import type * as Y from 'yjs'
import { getComments } from '../../shared/doc/comments.js'
import { REMINDER_PREFIX } from '../../shared/workflow.js'

/** Resolves the open reminders of a section (inside a server transaction). */
export const resolveReminders = (doc: Y.Doc, sectionId: string, by: string): void => {
  for (const thread of getComments(doc).values()) {
    if (thread.get('sectionId') !== sectionId || thread.get('resolved') === true || !String(thread.get('text') ?? '').startsWith(REMINDER_PREFIX)) continue
    thread.set('resolved', true)
    thread.set('resolvedBy', by)
  }
}
