/** POST /api/login, POST /api/logout, GET /api/me, GET /api/me/sign-ins, POST /api/me/password; each sign-in, failed or not, in the 安全审计. */
import { Hono } from 'hono'
import { loginBodySchema, passwordChangeSchema } from '../../shared/schema/api.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { describeAgent } from '../auth/describeAgent.js'
import { sessionIdOfToken } from '../store/sessions.js'
import type { UserSockets } from '../collab/userSockets.js'
import type { User } from '../store/directory.js'
import type { LoginLimiter } from '../auth/rateLimit.js'
import { clearSessionCookie, requireUser, setSessionCookie } from '../auth/session.js'
import type { Store } from '../store/index.js'
import { parseInput } from '../validate.js'
import { recordAudit } from './audit.js'
import { departmentNames } from './describeSections.js'

export const authRoutes = (store: Store, limiter: LoginLimiter, userSockets: UserSockets) => {
  const app = new Hono<AppEnv>()

  app.post('/login', async (c) => {
    const body = parseInput(loginBodySchema, await c.req.json().catch(() => null))
    const address = c.get('address')
    const tried = { id: null, name: body.username }
    if (await limiter.isBlocked(body.username, address)) {
      await recordAudit(store, c, 'login-failed', '失败次数过多，暂时不能登录', tried)
      throw new AppError(429, 'too-many-attempts', '登录失败次数过多，请稍后再试')
    }
    const credentials = await store.directory.findCredentials(body.username)
    const valid = credentials !== undefined && (await verifyPassword(body.password, credentials.passwordHash))
    if (!credentials || !valid) {
      await limiter.recordFailure(body.username, address)
      await recordAudit(store, c, 'login-failed', credentials ? '密码错误' : '用户名不存在', tried)
      throw new AppError(401, 'bad-credentials', '用户名或密码错误')
    }
    await limiter.reset(body.username)
    const who = { id: credentials.user.id, name: credentials.user.displayName }
    if (credentials.user.disabled) {
      await recordAudit(store, c, 'login-failed', `账号 ${body.username} 已停用`, who)
      throw new AppError(403, 'user-disabled', '该账号已停用，请联系管理员')
    }
    const token = await store.sessions.create(credentials.user.id, { address, agent: describeAgent(c.req.header('user-agent')) })
    setSessionCookie(c, token)
    await recordAudit(store, c, 'login', `账号 ${body.username}`, who)
    return c.json({ token, user: describeUser(credentials.user, await departmentNames(store)) })
  })

  app.post('/logout', requireUser(store), async (c) => {
    await store.sessions.revoke(c.get('token'))
    // Other tabs on this sign-in stop writing now, not at the next round of checks.
    const ended = sessionIdOfToken(c.get('token'))
    await userSockets.closeSession(c.get('user').id, (token) => sessionIdOfToken(token) === ended)
    clearSessionCookie(c)
    await recordAudit(store, c, 'logout', `账号 ${c.get('user').username}`)
    return c.json({ ok: true })
  })

  app.get('/me', requireUser(store), async (c) => c.json(describeUser(c.get('user'), await departmentNames(store))))

  // 上次登录: when and from where the user last signed in before, and failed sign-ins since —
  // someone trying their password shows here.
  app.get('/me/sign-ins', requireUser(store), async (c) => c.json(await store.audit.signIns(c.get('user').id, c.get('user').username)))

  // 登录设备: the user's own live sessions — a shared office computer left signed in can be
  // ended from another; ending one closes its connections at once.
  app.get('/me/sessions', requireUser(store), async (c) => {
    const current = sessionIdOfToken(c.get('token'))
    return c.json((await store.sessions.list(c.get('user').id)).map((session) => ({ ...session, current: session.id === current })))
  })

  app.delete('/me/sessions/:id', requireUser(store), async (c) => {
    const user = c.get('user')
    const id = c.req.param('id')
    if (id === sessionIdOfToken(c.get('token'))) throw new AppError(400, 'current-session', '这是您当前的登录，请用“退出”')
    const session = (await store.sessions.list(user.id)).find((candidate) => candidate.id === id)
    if (!session || !(await store.sessions.revokeById(user.id, id))) throw new AppError(404, 'unknown-session', '该登录已结束或不存在')
    await userSockets.closeSession(user.id, (token) => sessionIdOfToken(token) === id)
    await recordAudit(store, c, 'logout', `结束了在 ${session.address || '未知地址'}（${session.agent}）的登录`)
    return c.json({ id, ended: true })
  })

  app.delete('/me/sessions', requireUser(store), async (c) => {
    const user = c.get('user')
    const others = (await store.sessions.list(user.id)).length - 1
    await store.sessions.revokeUser(user.id, c.get('token'))
    await userSockets.closeUser(user.id, c.get('token'))
    await recordAudit(store, c, 'logout', `结束了其他 ${Math.max(0, others)} 处登录`)
    return c.json({ ended: Math.max(0, others) })
  })

  // Everyone changes their own password (the demo logins share one). Failures count like
  // failed logins, so this is no way around the login limit; the other sessions end.
  app.post('/me/password', requireUser(store), async (c) => {
    const body = parseInput(passwordChangeSchema, await c.req.json().catch(() => null))
    const user = c.get('user')
    const address = c.get('address')
    if (await limiter.isBlocked(user.username, address)) throw new AppError(429, 'too-many-attempts', '尝试次数过多，请稍后再试')
    const credentials = await store.directory.findCredentials(user.username)
    if (!credentials || !(await verifyPassword(body.currentPassword, credentials.passwordHash))) {
      await limiter.recordFailure(user.username, address)
      await recordAudit(store, c, 'password-change-failed', '当前密码不正确')
      throw new AppError(400, 'wrong-password', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }])
    }
    await store.directory.updateUser(user.id, { passwordHash: await hashPassword(body.newPassword), initialPassword: false })
    await store.sessions.revokeUser(user.id, c.get('token'))
    await userSockets.closeUser(user.id, c.get('token'))
    await recordAudit(store, c, 'password-change', '修改了自己的密码，其他登录已退出')
    return c.json({ ok: true })
  })

  return app
}

/** A user as the API shows it, with the department name for display; `disabled` only when so. */
export const describeUser = (user: User, names: ReadonlyMap<string, string>) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  departmentName: user.departmentId ? (names.get(user.departmentId) ?? null) : null,
  ...(user.disabled ? { disabled: true } : {}),
  // Still the password someone else set (首次登录修改初始口令): the page asks them to choose their own.
  ...(user.initialPassword ? { initialPassword: true } : {}),
})
