/**
 * Departments and people. Anyone signed in: GET /api/departments, GET /api/people (who can be
 * mentioned), GET /api/departments/:id/writers. The admin: POST /api/departments, PATCH and
 * DELETE /api/departments/:id, GET/POST /api/users, PATCH /api/users/:id.
 */
import { Hono } from 'hono'
import { departmentBodySchema, userBodySchema, userPatchSchema } from '../../shared/schema/api.js'
import { canBeWriter, ROLE_LABELS, type Role } from '../../shared/roles.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { hashPassword } from '../auth/password.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { UserSockets } from '../collab/userSockets.js'
import type { User } from '../store/directory.js'
import type { Store } from '../store/index.js'
import { parseInput } from '../validate.js'
import { describeUser } from './auth.js'
import { recordAudit } from './audit.js'
import { departmentNames } from './describeSections.js'
import { followWriter } from './followWriter.js'
import { departmentUses } from './departmentUses.js'
import { requireDepartment } from './requireDepartment.js'

/** 王主任，领导，办公室: a person as the 安全审计 names them. */
const describePerson = (person: User, names: ReadonlyMap<string, string>): string =>
  [person.displayName, ROLE_LABELS[person.role], person.departmentId ? names.get(person.departmentId) : null].filter(Boolean).join('，')

/** 角色 撰写人→领导、部门 招商部→无、停用、重置密码: what an account change changed. */
const describeUserChange = (before: User, after: User, passwordReset: boolean, names: ReadonlyMap<string, string>): string => {
  const department = (id: string | null) => (id ? (names.get(id) ?? '未知部门') : '无')
  const changes = [
    ...(before.displayName !== after.displayName ? [`姓名 ${before.displayName}→${after.displayName}`] : []),
    ...(before.role !== after.role ? [`角色 ${ROLE_LABELS[before.role]}→${ROLE_LABELS[after.role]}`] : []),
    ...(before.departmentId !== after.departmentId ? [`部门 ${department(before.departmentId)}→${department(after.departmentId)}`] : []),
    ...(before.disabled !== after.disabled ? [after.disabled ? '停用' : '启用'] : []),
    ...(passwordReset ? ['重置密码'] : []),
  ]
  return changes.join('、') || '无变化'
}

export const directoryRoutes = (store: Store, rooms: Rooms, userSockets: UserSockets) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  // Every signed-in user sees department names (the editor labels sections with them).
  app.get('/departments', async (c) => c.json(await store.directory.listDepartments()))

  // Who can be mentioned in a comment (@陈招商): everyone who can sign in, with their department.
  app.get('/people', async (c) => {
    const people = (await store.directory.listUsers()).filter((person) => !person.disabled)
    return c.json(people.map(({ id, displayName, departmentId }) => ({ id, displayName, departmentId })))
  })

  // Who may be named 执笔人 of a department's sections (any signed-in user: colleagues' names are no secret).
  app.get('/departments/:id/writers', async (c) => {
    const department = await store.directory.getDepartment(c.req.param('id'))
    if (!department) throw new AppError(404, 'unknown-department', '部门不存在')
    const people = (await store.directory.listUsers()).filter((person) => canBeWriter(person, department.id))
    return c.json(people.map(({ id, displayName }) => ({ id, displayName })))
  })

  app.post('/departments', requireRole('admin'), async (c) => {
    const { name } = parseInput(departmentBodySchema, await c.req.json().catch(() => null))
    if (await store.directory.findDepartmentByName(name)) throw new AppError(409, 'department-exists', `部门“${name}”已存在`)
    const department = await store.directory.createDepartment(name)
    await recordAudit(store, c, 'department-create', `新建部门“${name}”`)
    return c.json(department, 201)
  })

  // A department renamed (机构改革) keeps its sections, figures and people: they refer to its id.
  app.patch('/departments/:id', requireRole('admin'), async (c) => {
    const { name } = parseInput(departmentBodySchema, await c.req.json().catch(() => null))
    const department = await store.directory.getDepartment(c.req.param('id'))
    if (!department) throw new AppError(404, 'unknown-department', '部门不存在')
    const holder = await store.directory.findDepartmentByName(name)
    if (holder && holder.id !== department.id) throw new AppError(409, 'department-exists', `部门“${name}”已存在`)
    const renamed = await store.directory.renameDepartment(department.id, name)
    await recordAudit(store, c, 'department-rename', `部门“${department.name}”改名为“${name}”`)
    return c.json(renamed)
  })

  // One created by mistake — a typo, or a template's offices brought into an organisation that
  // has none (学校's 教务处 in a park) — goes, once no person, section or figure of any summary
  // (archived and in the 回收站 too) belongs to it; otherwise 409 names what does.
  app.delete('/departments/:id', requireRole('admin'), async (c) => {
    const department = await store.directory.getDepartment(c.req.param('id'))
    if (!department) throw new AppError(404, 'unknown-department', '部门不存在')
    const uses = await departmentUses(store, rooms, department.id)
    if (uses.length > 0) throw new AppError(409, 'department-in-use', `“${department.name}”仍在使用，不能删除：${uses.join('；')}`, uses.map((use) => ({ message: use })))
    await store.directory.deleteDepartment(department.id)
    await recordAudit(store, c, 'department-delete', `删除部门“${department.name}”`)
    return c.json({ id: department.id, deleted: true })
  })

  app.get('/users', requireRole('admin'), async (c) => {
    const names = await departmentNames(store)
    return c.json((await store.directory.listUsers()).map((user) => describeUser(user, names)))
  })

  /** A user's role and department must fit: a writer writes for a department that exists. */
  const checkDepartment = async (role: Role, departmentId: string | null) => {
    if (role === 'editor' && !departmentId) throw new AppError(400, 'department-required', '撰写人必须属于一个部门', [{ path: 'departmentId', message: '撰写人必须属于一个部门' }])
    await requireDepartment(store, departmentId)
  }

  app.post('/users', requireRole('admin'), async (c) => {
    const body = parseInput(userBodySchema, await c.req.json().catch(() => null))
    const departmentId = body.departmentId ?? null
    await checkDepartment(body.role, departmentId)
    if (await store.directory.findCredentials(body.username)) throw new AppError(409, 'user-exists', `用户名“${body.username}”已被使用`)
    const user = await store.directory.createUser({
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      departmentId,
      passwordHash: await hashPassword(body.password),
    })
    const names = await departmentNames(store)
    await recordAudit(store, c, 'user-create', `新建用户 ${user.username}（${describePerson(user, names)}）`)
    return c.json(describeUser(user, names), 201)
  })

  /**
   * The admin changes a user: name, role, department, a new password, disabled. Anything but the
   * name changes what the user may do, so it ends their sessions and connections: they sign in
   * again with their new rights (or, disabled, cannot). An admin cannot disable or demote
   * themself, so the organisation always keeps someone who can undo a mistake.
   */
  app.patch('/users/:id', requireRole('admin'), async (c) => {
    const body = parseInput(userPatchSchema, await c.req.json().catch(() => null))
    const admin = c.get('user')
    const target = await store.directory.getUser(c.req.param('id'))
    if (!target) throw new AppError(404, 'unknown-user', '用户不存在')
    if (target.id === admin.id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin')))
      throw new AppError(409, 'cannot-change-self', '不能停用自己的账号或取消自己的管理员身份')
    await checkDepartment(body.role ?? target.role, body.departmentId === undefined ? target.departmentId : body.departmentId)
    const { password, ...fields } = body
    // A password the admin resets is theirs, not the person's: to be replaced at the next sign-in.
    const updated = (await store.directory.updateUser(target.id, { ...fields, ...(password ? { passwordHash: await hashPassword(password), initialPassword: true } : {}) }))!
    const rightsChanged = password !== undefined || updated.disabled !== target.disabled || updated.role !== target.role || updated.departmentId !== target.departmentId
    if (rightsChanged) {
      // The admin's own password reset keeps the admin's current session.
      const keep = target.id === admin.id ? c.get('token') : undefined
      await store.sessions.revokeUser(target.id, keep)
      await userSockets.closeUser(target.id, keep)
    }
    if (updated.displayName !== target.displayName || updated.role !== target.role || updated.departmentId !== target.departmentId) await followWriter(store, rooms, updated, admin)
    const names = await departmentNames(store)
    await recordAudit(store, c, 'user-update', `用户 ${target.username}：${describeUserChange(target, updated, password !== undefined, names)}`)
    return c.json(describeUser(updated, names))
  })

  return app
}
