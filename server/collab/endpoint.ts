/**
 * GET /collab/:summaryId — authenticates the upgrade (cookie with a same-origin check, or
 * `?token=`), then hands the socket to a Connection in the summary's Room. Refusals happen after
 * the upgrade so the client sees the documented close code (4401, 4404, 4503).
 */
import type { Context, Hono } from 'hono'
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import type WebSocket from 'ws'
import { CLOSE_MALFORMED, CLOSE_UNAUTHORISED, CLOSE_UNAVAILABLE, CLOSE_UNKNOWN_SUMMARY, type CloseCode } from '../../shared/closeCodes.js'
import { departmentColor } from '../../shared/departmentColor.js'
import type { AppEnv } from '../context.js'
import { readCredentials, resolveUser } from '../auth/session.js'
import type { Store } from '../store/index.js'
import type { User } from '../store/directory.js'
import { Connection, type Identity } from './connection.js'
import { SummaryUnavailable, type Rooms } from './rooms.js'

/** Cookie auth only for pages served by us: a foreign Origin must not ride on the cookie. */
const sameOrigin = (c: Context): boolean => {
  const origin = c.req.header('origin')
  if (!origin) return true
  try {
    return new URL(origin).host === c.req.header('host')
  } catch {
    return false
  }
}

const authenticate = (store: Store, c: Context): User | null => {
  const credentials = readCredentials(c)
  if (!credentials || (credentials.via === 'cookie' && !sameOrigin(c))) return null
  return resolveUser(store, credentials.token) ?? null
}

const identityOf = (store: Store, user: User): Identity => ({
  id: user.id,
  username: user.username,
  name: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  departmentName: user.departmentId ? (store.directory.getDepartment(user.departmentId)?.name ?? '') : '',
  color: departmentColor(user.departmentId),
})

export const mountCollab = (
  app: Hono<AppEnv>,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  store: Store,
  rooms: Rooms,
  maxMessageBytes: number,
) => {
  app.get(
    '/collab/:summaryId',
    upgradeWebSocket((c) => {
      const user = authenticate(store, c)
      const summaryId = c.req.param('summaryId') ?? ''
      let connection: Connection | null = null
      const refuse = (ws: WSContext<WebSocket>, close: CloseCode) => ws.close(close.code, close.reason)
      return {
        onOpen: (_event, ws) => {
          if (!user) return refuse(ws, CLOSE_UNAUTHORISED)
          if (!store.catalog.getSummary(summaryId)) return refuse(ws, CLOSE_UNKNOWN_SUMMARY)
          try {
            connection = new Connection(ws.raw!, rooms.open(summaryId), user, identityOf(store, user), maxMessageBytes)
          } catch (error) {
            if (error instanceof SummaryUnavailable) return refuse(ws, CLOSE_UNAVAILABLE)
            throw error
          }
        },
        onMessage: (event) => {
          if (!connection) return
          if (event.data instanceof ArrayBuffer) return connection.handleMessage(new Uint8Array(event.data))
          console.warn(`[collab] text frame from ${user?.username}, closing`)
          connection.close(CLOSE_MALFORMED)
        },
        onClose: () => connection?.handleClose(),
      }
    }),
  )
}
