/**
 * Finds websocket peers that are gone without a word (a laptop closed, a network dropped) or
 * that stopped reading: every `intervalMs` each socket is pinged, and one that has not answered
 * by the next round is terminated. Its room then sees the peer leave, so presence, held output
 * and the summary's memory follow. Only the pong counts: a client that still sends but reads
 * nothing never answers. Browsers and the ws library answer pings by themselves.
 */
import type WebSocket from 'ws'
import type { WebSocketServer } from 'ws'

export const startHeartbeat = (wss: WebSocketServer, intervalMs: number): { stop(): void } => {
  const answered = new WeakSet<WebSocket>()
  const onConnection = (socket: WebSocket) => {
    answered.add(socket)
    socket.on('pong', () => answered.add(socket))
  }
  wss.on('connection', onConnection)
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (!answered.has(socket)) {
        socket.terminate()
        continue
      }
      answered.delete(socket)
      socket.ping()
    }
  }, intervalMs)
  timer.unref()
  return {
    stop: () => {
      clearInterval(timer)
      wss.off('connection', onConnection)
    },
  }
}
