/**
 * y-websocket message builders and message type numbers (sync = 0, awareness = 1, auth = 2,
 * query-awareness = 3). Each outgoing message is encoded once and the same bytes go to every peer.
 */
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

const build = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  build((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
  })

/**
 * The same bytes as y-protocols' writeSyncStep2, assembled with one copy of the (possibly large)
 * state instead of two: a joiner's full state is the biggest message a room sends.
 */
export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array => {
  const update = Y.encodeStateAsUpdate(doc, stateVector)
  const header = build((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint(encoder, update.byteLength)
  })
  const message = new Uint8Array(header.byteLength + update.byteLength)
  message.set(header)
  message.set(update, header.byteLength)
  return message
}

export const encodeUpdateMessage = (update: Uint8Array): Uint8Array =>
  build((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
  })

export const encodeAwarenessMessage = (awarenessUpdate: Uint8Array): Uint8Array =>
  build((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessUpdate)
  })

export const encodeAwarenessStates = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))

export const encodePermissionDenied = (reason: string): Uint8Array =>
  build((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    authProtocol.writePermissionDenied(encoder, reason)
  })
