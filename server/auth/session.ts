/**
 * Reads credentials from a request (session cookie, `Authorization: Bearer`, or `?token=` for
 * websockets) and guards routes. The cookie is HttpOnly and SameSite=Lax.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import { isReadOnly, type Role } from '../../shared/roles.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import type { Store } from '../store/index.js'
import { SESSION_DAYS } from '../store/sessions.js'
import type { User } from '../store/directory.js'

export const SESSION_COOKIE = 'hz_session'

export interface Credentials {
  token: string
  via: 'cookie' | 'bearer' | 'query'
}

export const readCredentials = (c: Context): Credentials | null => {
  const header = c.req.header('authorization')
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' }
  const query = c.req.query('token')
  if (query) return { token: query, via: 'query' }
  const cookie = getCookie(c, SESSION_COOKIE)
  return cookie ? { token: cookie, via: 'cookie' } : null
}

/** The user a token belongs to, or why there is none: no such session, or one left idle (登录超时). */
const lookUpUser = async (store: Store, token: string): Promise<User | 'idle' | undefined> => {
  const session = await store.sessions.resolve(token)
  if ('ended' in session) return session.ended === 'idle' ? 'idle' : undefined
  const user = await store.directory.getUser(session.userId)
  return user?.disabled ? undefined : user
}

/** The user a token belongs to, if the session is live and the account not disabled. */
export const resolveUser = async (store: Store, token: string): Promise<User | undefined> => {
  const user = await lookUpUser(store, token)
  return user === 'idle' ? undefined : user
}

/** HttpOnly, SameSite=Lax; Secure when the page was reached over HTTPS. */
export const setSessionCookie = (c: Context<AppEnv>, token: string): void =>
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_DAYS * 86_400, secure: c.get('secure') })

export const clearSessionCookie = (c: Context): void => void deleteCookie(c, SESSION_COOKIE, { path: '/' })

/** A signed-in user's request: their session's idle time starts again. */
export const requireUser = (store: Store): MiddlewareHandler<AppEnv> => async (c, next) => {
  const credentials = readCredentials(c)
  const user = credentials ? await lookUpUser(store, credentials.token) : undefined
  if (user === 'idle') throw new AppError(401, 'session-idle', '长时间未操作，已自动退出，请重新登录')
  if (!credentials || !user) throw new AppError(401, 'unauthorised', '请先登录')
  await store.sessions.touch(credentials.token)
  c.set('user', user)
  c.set('token', credentials.token)
  await next()
}

export const requireRole = (...roles: Role[]): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!roles.includes(c.get('user').role)) throw new AppError(403, 'forbidden', '您没有执行此操作的权限')
  await next()
}

/**
 * Refuses read-only users (只读) before the body is read, on routes whose finer permission
 * depends on what they target (a department's section, one's own comment).
 */
export const refuseReadOnly = (message: string): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (isReadOnly(c.get('user'))) throw new AppError(403, 'forbidden', message)
  await next()
}
