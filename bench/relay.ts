/**
 * The baseline: a plain `ws` relay that does no Yjs work. It forwards every sync message to the
 * other sockets of the same path, and an awareness entry only when its clock is new (forwarding
 * blindly lets the stock provider's echoes flood everyone).
 */
import { WebSocketServer, type WebSocket } from 'ws'
import * as decoding from 'lib0/decoding'

const rooms = new Map<string, Set<WebSocket>>()
const awarenessClocks = new Map<string, Map<number, number>>()
const server = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })

const isNewAwareness = (room: string, message: Uint8Array): boolean => {
  const clocks = awarenessClocks.get(room) ?? new Map<number, number>()
  awarenessClocks.set(room, clocks)
  const decoder = decoding.createDecoder(decoding.readVarUint8Array(decoding.createDecoder(message.subarray(1))))
  let fresh = false
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    decoding.readVarString(decoder)
    if ((clocks.get(client) ?? -1) < clock) {
      clocks.set(client, clock)
      fresh = true
    }
  }
  return fresh
}

server.on('connection', (socket, request) => {
  const room = request.url ?? '/'
  const peers = rooms.get(room) ?? new Set<WebSocket>()
  rooms.set(room, peers)
  peers.add(socket)
  socket.on('message', (data: Buffer) => {
    if (data[0] === 1 && !isNewAwareness(room, data)) return
    if (data[0] !== 0 && data[0] !== 1) return
    for (const peer of peers) if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data)
  })
  socket.on('close', () => peers.delete(socket))
})

server.on('listening', () => {
  const address = server.address()
  console.log(`relay listening on ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`)
})
