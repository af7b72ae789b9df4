/** Admin routes for departments and users: GET/POST /api/departments, GET/POST /api/users. */
import { Hono } from 'hono'
import { departmentBodySchema, userBodySchema } from '../../shared/schema/api.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { hashPassword } from '../auth/password.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Store } from '../store/index.js'
import { parseInput } from '../validate.js'
import { describeUser } from './auth.js'
import { departmentNames } from './describeSections.js'

export const directoryRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  // Every signed-in user sees department names (the editor labels sections with them).
  app.get('/departments', async (c) => c.json(await store.directory.listDepartments()))

  app.post('/departments', requireRole('admin'), async (c) => {
    const { name } = parseInput(departmentBodySchema, await c.req.json().catch(() => null))
    if (await store.directory.findDepartmentByName(name)) throw new AppError(409, 'department-exists', `部门“${name}”已存在`)
    return c.json(await store.directory.createDepartment(name), 201)
  })

  app.get('/users', requireRole('admin'), async (c) => {
    const names = await departmentNames(store)
    return c.json((await store.directory.listUsers()).map((user) => describeUser(user, names)))
  })

  app.post('/users', requireRole('admin'), async (c) => {
    const body = parseInput(userBodySchema, await c.req.json().catch(() => null))
    const departmentId = body.departmentId ?? null
    if (body.role === 'editor' && !departmentId) throw new AppError(400, 'department-required', '撰写人必须属于一个部门', [{ path: 'departmentId', message: '撰写人必须属于一个部门' }])
    if (departmentId && !(await store.directory.getDepartment(departmentId))) throw new AppError(400, 'unknown-department', '部门不存在', [{ path: 'departmentId', message: '部门不存在' }])
    if (await store.directory.findCredentials(body.username)) throw new AppError(409, 'user-exists', `用户名“${body.username}”已被使用`)
    const user = await store.directory.createUser({
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      departmentId,
      passwordHash: await hashPassword(body.password),
    })
    return c.json(describeUser(user, await departmentNames(store)), 201)
  })

  return app
}
