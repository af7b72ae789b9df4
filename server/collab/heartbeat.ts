/**
 * Finds websocket peers that are gone without a word (a laptop closed, a network dropped) or
 * that stopped reading: every `intervalMs` each socket is pinged, and one that has answered
 * neither that ping nor with any message by the next round is terminated. Its room then sees
 * the peer leave, so presence, held output and the summary's memory follow. Browsers and the
 * ws library answer pings by themselves.
 */
import type WebSocket from 'ws'
import type { WebSocketServer } from 'ws'

export const startHeartbeat = (wss: WebSocketServer, intervalMs: number): { stop(): void } => {
  const heard = new WeakSet<WebSocket>()
  const hear = (socket: WebSocket) => () => heard.add(socket)
  const onConnection = (socket: WebSocket) => {
    heard.add(socket)
    socket.on('pong', hear(socket))
    socket.on('message', hear(socket))
  }
  wss.on('connection', onConnection)
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (!heard.has(socket)) {
        socket.terminate()
        continue
      }
      heard.delete(socket)
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
