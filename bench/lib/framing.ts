/**
 * How each server under test frames y-protocol messages: Huizong and the relay speak plain
 * y-websocket (one document per socket); Hocuspocus prefixes every message with the document
 * name and expects an auth message first.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface Framing {
  /** Messages a client sends right after the socket opens. */
  hello(room: string): Uint8Array[]
  wrap(room: string, payload: Uint8Array): Uint8Array
  /** The y-protocol payload of an incoming message (starting at its message type). */
  unwrap(data: Uint8Array): Uint8Array
}

export const plainFraming: Framing = {
  hello: () => [],
  wrap: (_room, payload) => payload,
  unwrap: (data) => data,
}

const prefixed = (room: string, write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, room)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const hocuspocusFraming: Framing = {
  hello: (room) => [
    prefixed(room, (encoder) => {
      encoding.writeVarUint(encoder, 2) // MessageType.Auth
      encoding.writeVarUint(encoder, 0) // AuthMessageType.Token
      encoding.writeVarString(encoder, '')
    }),
  ],
  wrap: (room, payload) => prefixed(room, (encoder) => encoding.writeUint8Array(encoder, payload)),
  unwrap: (data) => {
    const decoder = decoding.createDecoder(data)
    decoding.readVarString(decoder)
    return data.subarray(decoder.pos)
  },
}
