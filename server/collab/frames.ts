/**
 * Websocket frames built once per message: a broadcast is one Uint8Array for every peer of a
 * room, so its frame (header and payload, unmasked) is built by the first peer that sends it and
 * reused by the others, which write it straight to their TCP sockets (Connection.send).
 */
import * as ws from 'ws'

/** ws's own frame builder (not in its type declarations): one unmasked frame as header + payload. */
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] } }
const BINARY_FRAME = { fin: true, rsv1: false, opcode: 0x02, mask: false, readOnly: false }
/** Frames by message, forgotten with the message. */
const frames = new WeakMap<Uint8Array, Buffer>()

/** Messages above this size go to one peer (a joiner's full state): ws sends them without the copy into a frame. */
export const LARGE_MESSAGE_BYTES = 64 * 1024

export const frameOf = (message: Uint8Array): Buffer => {
  let frame = frames.get(message)
  if (!frame) {
    frame = Buffer.concat(Sender.frame(Buffer.from(message.buffer, message.byteOffset, message.byteLength), BINARY_FRAME))
    frames.set(message, frame)
  }
  return frame
}
