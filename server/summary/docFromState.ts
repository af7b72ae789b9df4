/** A summary's full Yjs state (a version, or a copy of the live doc) as a doc of its own; the caller destroys it. */
import * as Y from 'yjs'
import type { Rooms } from '../collab/rooms.js'

export const docFromState = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

/**
 * A copy of a summary as it is now (withRoom answers once every change is committed), as a doc
 * of its own: slow work on it (an export, a diff, next year's summary) never holds the room.
 */
export const copyOfSummary = async (rooms: Rooms, summaryId: string): Promise<Y.Doc> =>
  docFromState(await rooms.withRoom(summaryId, (room) => Y.encodeStateAsUpdate(room.doc)))
