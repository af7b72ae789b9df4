/** POST /api/login, POST /api/logout, GET /api/me. */
import { Hono } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { loginBodySchema } from '../../shared/schema/api.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { verifyPassword } from '../auth/password.js'
import type { LoginLimiter } from '../auth/rateLimit.js'
import { clearSessionCookie, requireUser, setSessionCookie } from '../auth/session.js'
import type { Store } from '../store/index.js'
import { parseInput } from '../validate.js'
import { departmentNames } from './describeSections.js'

export const authRoutes = (store: Store, limiter: LoginLimiter) => {
  const app = new Hono<AppEnv>()

  app.post('/login', async (c) => {
    const body = parseInput(loginBodySchema, await c.req.json().catch(() => null))
    const address = getConnInfo(c).remote.address ?? 'unknown'
    if (limiter.isBlocked(body.username, address)) throw new AppError(429, 'too-many-attempts', '登录失败次数过多，请稍后再试')
    const credentials = await store.directory.findCredentials(body.username)
    const valid = credentials !== undefined && (await verifyPassword(body.password, credentials.passwordHash))
    if (!credentials || !valid) {
      limiter.recordFailure(body.username, address)
      throw new AppError(401, 'bad-credentials', '用户名或密码错误')
    }
    limiter.reset(body.username)
    const token = await store.sessions.create(credentials.user.id)
    setSessionCookie(c, token)
    return c.json({ token, user: describeUser(credentials.user, await departmentNames(store)) })
  })

  app.post('/logout', requireUser(store), async (c) => {
    await store.sessions.revoke(c.get('token'))
    clearSessionCookie(c)
    return c.json({ ok: true })
  })

  app.get('/me', requireUser(store), async (c) => c.json(describeUser(c.get('user'), await departmentNames(store))))

  return app
}

/** A user as the API shows it, with the department name for display. */
export const describeUser = (user: { id: string; username: string; displayName: string; role: string; departmentId: string | null }, names: ReadonlyMap<string, string>) => ({
  ...user,
  departmentName: user.departmentId ? (names.get(user.departmentId) ?? null) : null,
})
