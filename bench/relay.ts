/**
 * The baseline: a plain `ws` relay that does no Yjs work. It forwards every message to the other
 * sockets of the same path, with two exceptions that keep it from flooding: an awareness entry
 * is forwarded only when its clock is new (the stock provider echoes every state it receives),
 * and a sync-step-2 answer goes to the oldest peer still waiting for one instead of to everyone.
 */
import * as decoding from 'lib0/decoding'
import { WebSocketServer, type WebSocket } from 'ws'

interface RoomState {
  peers: Set<WebSocket>
  clocks: Map<number, number>
  waiting: WebSocket[]
}

const rooms = new Map<string, RoomState>()
const server = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })

const isNewAwareness = (room: RoomState, message: Uint8Array): boolean => {
  const decoder = decoding.createDecoder(decoding.readVarUint8Array(decoding.createDecoder(message.subarray(1))))
  let fresh = false
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    decoding.readVarString(decoder)
    if ((room.clocks.get(client) ?? -1) < clock) {
      room.clocks.set(client, clock)
      fresh = true
    }
  }
  return fresh
}

const broadcast = (room: RoomState, from: WebSocket, data: Buffer) => {
  for (const peer of room.peers) if (peer !== from && peer.readyState === peer.OPEN) peer.send(data)
}

server.on('connection', (socket, request) => {
  const name = request.url ?? '/'
  const room: RoomState = rooms.get(name) ?? { peers: new Set<WebSocket>(), clocks: new Map(), waiting: [] }
  rooms.set(name, room)
  room.peers.add(socket)
  socket.on('message', (data: Buffer) => {
    if (data[0] === 1) return isNewAwareness(room, data) ? broadcast(room, socket, data) : undefined
    if (data[0] !== 0) return
    if (data[1] === 0) room.waiting.push(socket)
    if (data[1] === 1) {
      const asker = room.waiting.shift()
      if (asker) return asker.readyState === asker.OPEN ? asker.send(data) : undefined
    }
    broadcast(room, socket, data)
  })
  socket.on('close', () => {
    room.peers.delete(socket)
    room.waiting = room.waiting.filter((peer) => peer !== socket)
  })
})

server.on('listening', () => {
  const address = server.address()
  console.log(`relay listening on ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`)
})
