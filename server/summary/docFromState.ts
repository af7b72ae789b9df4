/** A summary's full Yjs state (a version, or a copy of the live doc) as a doc of its own; the caller destroys it. */
import * as Y from 'yjs'

export const docFromState = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}
