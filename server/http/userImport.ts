/**
 * 批量导入用户 (admin): POST /api/users/import with a CSV or .xlsx table of people (see
 * shared/schema/userRows.ts). `?dryRun=1` answers what would happen and changes nothing; without
 * it everyone is created in one transaction, with the departments the table names and the
 * organisation lacks. Any bad row: 400 listing each row and why, nothing created. Passwords the
 * table leaves empty are generated and answered once, so the office can hand them out.
 */
import { Hono } from 'hono'
import { ROLE_LABELS } from '../../shared/roles.js'
import { describeRowProblems } from '../../shared/schema/tableRows.js'
import { checkUserHeader, normaliseUserColumn, validateUserRows, type UserRow } from '../../shared/schema/userRows.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { generatePassword, hashPassword } from '../auth/password.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Store } from '../store/index.js'
import { isUniqueViolation } from '../store/uniqueViolation.js'
import { readTable, type TableKind } from '../upload/readTable.js'
import { describeUser } from './auth.js'
import { recordAudit } from './audit.js'
import { departmentNames } from './describeSections.js'

const USERS_TABLE: TableKind = { errorCode: 'invalid-users', normaliseColumn: normaliseUserColumn, checkHeader: checkUserHeader }

export const userImportRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store), requireRole('admin'))

  app.post('/', async (c) => {
    const { rows } = await readTable(c, USERS_TABLE, '请上传 CSV（text/csv）或 Excel（.xlsx）格式的用户表')
    const usernames = new Set((await store.directory.listUsers()).map((user) => user.username))
    const { users, problems } = validateUserRows(rows, { usernames })
    if (problems.length > 0) throw new AppError(400, 'invalid-users', `用户表有误，未导入任何人：${describeRowProblems(problems)}`, problems)
    const existing = new Set((await store.directory.listDepartments()).map((department) => department.name))
    const newDepartments = [...new Set(users.flatMap(({ department }) => (department && !existing.has(department) ? [department] : [])))]

    if (c.req.query('dryRun') === '1') {
      return c.json({
        users: users.map(({ row, username, displayName, role, department, password }) => ({ row, username, displayName, role, roleLabel: ROLE_LABELS[role], department, passwordGiven: password !== null })),
        newDepartments,
      })
    }

    const passwords = users.map((user: UserRow) => user.password ?? generatePassword())
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password)))
    const created = await store.directory
      .createUsers(users.map((user, index) => ({ username: user.username, displayName: user.displayName, role: user.role, department: user.department, passwordHash: hashes[index]! })))
      .catch((error: unknown) => {
        // A username taken between the check and the insert (two imports at once).
        if (isUniqueViolation(error)) throw new AppError(409, 'user-exists', '导入时有用户名刚被占用，未导入任何人，请重试')
        throw error
      })
    const names = await departmentNames(store)
    const shown = created.users.slice(0, 10).map((user) => user.username).join('、')
    await recordAudit(store, c, 'users-import', `导入 ${created.users.length} 个用户：${shown}${created.users.length > 10 ? ' 等' : ''}${created.newDepartments.length ? `；新部门：${created.newDepartments.join('、')}` : ''}`)
    return c.json(
      {
        users: created.users.map((user, index) => ({ ...describeUser(user, names), ...(users[index]!.password === null ? { password: passwords[index] } : {}) })),
        newDepartments: created.newDepartments,
      },
      201,
    )
  })

  return app
}
