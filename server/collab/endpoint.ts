/**
 * GET /collab/:summaryId — authenticates the upgrade (cookie with a same-origin check, or
 * `?token=`), then hands the socket to a Connection in the summary's Room. Refusals happen after
 * the upgrade so the client sees the documented close code (4401, 4403, 4503).
 */
import type { Context, Hono } from 'hono'
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import type WebSocket from 'ws'
import { CLOSE_MALFORMED, CLOSE_SUMMARY_DELETED, CLOSE_TOO_BIG, CLOSE_UNAUTHORISED, CLOSE_UNAVAILABLE, CLOSE_UNKNOWN_SUMMARY, type CloseCode } from '../../shared/closeCodes.js'
import { departmentColor } from '../../shared/departmentColor.js'
import type { AppEnv } from '../context.js'
import { readCredentials, resolveUser } from '../auth/session.js'
import { sameOrigin } from '../auth/sameOrigin.js'
import type { Store } from '../store/index.js'
import type { User } from '../store/directory.js'
import { Connection, type Identity } from './connection.js'
import { SummaryUnavailable, type Rooms } from './rooms.js'
import type { UserSocket, UserSockets } from './userSockets.js'

const authenticate = async (store: Store, c: Context): Promise<{ user: User; token: string } | null> => {
  const credentials = readCredentials(c)
  // Cookie auth only for pages served by us: a foreign Origin must not ride on the cookie.
  if (!credentials || (credentials.via === 'cookie' && !sameOrigin(c))) return null
  const user = await resolveUser(store, credentials.token)
  return user ? { user, token: credentials.token } : null
}

/**
 * A frame over ws's own cap (twice the limit, so nothing huge is ever buffered) is closed by ws
 * itself, with 1009; the contract says 4400 for every message over the limit, so that close is
 * given our code (the frame is dropped unread either way).
 */
const closeOversizedWith4400 = (socket: WebSocket): void => {
  const close = socket.close.bind(socket)
  socket.close = (code?: number, reason?: string | Buffer) => (code === WS_MESSAGE_TOO_BIG ? close(CLOSE_TOO_BIG.code, CLOSE_TOO_BIG.reason) : close(code, reason))
}
const WS_MESSAGE_TOO_BIG = 1009

const identityOf = async (store: Store, user: User): Promise<Identity> => ({
  id: user.id,
  username: user.username,
  name: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  departmentName: user.departmentId ? ((await store.directory.getDepartment(user.departmentId))?.name ?? '') : '',
  color: departmentColor(user.departmentId),
})

export const mountCollab = (
  app: Hono<AppEnv>,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  store: Store,
  rooms: Rooms,
  userSockets: UserSockets,
  maxMessageBytes: number,
) => {
  app.get(
    '/collab/:summaryId',
    upgradeWebSocket(async (c) => {
      const signedIn = await authenticate(store, c)
      const user = signedIn?.user
      const summaryId = c.req.param('summaryId') ?? ''
      let connection: Connection | null = null
      let registered: UserSocket | null = null
      // Messages that arrive while the summary loads wait here, in order.
      let early: MessageEvent[] | null = []
      let closed = false
      const refuse = (ws: WSContext<WebSocket>, close: CloseCode) => ws.close(close.code, close.reason)
      const deliver = (event: MessageEvent) => {
        if (!connection) return
        if (event.data instanceof ArrayBuffer) return connection.handleMessage(new Uint8Array(event.data))
        console.warn(`[collab] text frame from ${user?.username}, closing`)
        connection.close(CLOSE_MALFORMED)
      }
      const join = async (ws: WSContext<WebSocket>) => {
        if (!user) return refuse(ws, CLOSE_UNAUTHORISED)
        if (!(await store.catalog.getSummary(summaryId))) {
          return refuse(ws, (await store.catalog.getDeletedSummary(summaryId)) ? CLOSE_SUMMARY_DELETED : CLOSE_UNKNOWN_SUMMARY)
        }
        try {
          const [room, identity] = await Promise.all([rooms.open(summaryId), identityOf(store, user)])
          if (closed) return
          // Typing keeps the session alive (登录超时); presence and a page left open do not.
          const token = signedIn!.token
          let touchedAt = 0
          const touch = () => {
            const now = Date.now()
            if (now - touchedAt < 1000) return // the store writes once a minute; this spares it every keystroke
            touchedAt = now
            store.sessions.touch(token).catch((error: unknown) => console.error('[collab] could not mark the session active', error))
          }
          const opened = new Connection(ws.raw!, room, user, identity, maxMessageBytes, touch)
          connection = opened
          registered = { token, user, summaryId, close: (code) => opened.close(code) }
          await userSockets.admit(registered)
          if (closed) return
        } catch (error) {
          if (error instanceof SummaryUnavailable) return refuse(ws, CLOSE_UNAVAILABLE)
          throw error
        }
        const waiting = early ?? []
        early = null
        for (const event of waiting) deliver(event)
      }
      return {
        onOpen: (_event, ws) => {
          closeOversizedWith4400(ws.raw!)
          join(ws).catch((error: unknown) => {
            console.error('[collab] could not open a connection', error)
            ws.close(1011, 'internal-error')
          })
        },
        onMessage: (event) => (early ? early.push(event) : deliver(event)),
        onClose: () => {
          closed = true
          connection?.handleClose()
          if (registered) userSockets.remove(registered)
        },
      }
    }),
  )
}
