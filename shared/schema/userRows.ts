/**
 * 批量导入用户: the rows of a user table (CSV or .xlsx, one person per row), validated
 * all-or-nothing against the people and departments already there. Headers may be English
 * (username, displayName, department, role, password) or what an office's own list says (用户名,
 * 姓名, 部门, 角色, 初始密码); roles in Chinese (撰写人, 领导, 只读, 管理员) or as the API names them.
 * Without a password a row gets a generated one; without a role, a row with a department is a
 * 撰写人.
 */
import type { z } from 'zod'
import { ROLE_LABELS, ROLES, type Role } from '../roles.js'
import { departmentNameSchema, displayNameSchema, passwordSchema, usernameSchema } from './api.js'
import { cellText, type RawRow, type RowProblem } from './tableRows.js'

export const USER_COLUMNS = ['username', 'displayName', 'department', 'role', 'password'] as const
export const USER_COLUMN_LABELS: Record<(typeof USER_COLUMNS)[number], string> = {
  username: '用户名',
  displayName: '姓名',
  department: '部门',
  role: '角色',
  password: '初始密码',
}
/** The most rows one file may hold: an organisation's whole staff, not a city's. */
export const MAX_USER_ROWS = 500

const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  username: 'username', 用户名: 'username', 账号: 'username', 帐号: 'username', 登录名: 'username',
  displayname: 'displayName', name: 'displayName', 姓名: 'displayName', 显示名: 'displayName', 名字: 'displayName',
  department: 'department', 部门: 'department', 所在部门: 'department', 科室: 'department', 单位: 'department',
  role: 'role', 角色: 'role', 身份: 'role',
  password: 'password', 密码: 'password', 初始密码: 'password',
}

export const normaliseUserColumn = (cell: unknown): string => {
  const name = cellText(cell)
  return COLUMN_ALIASES[name.toLowerCase()] ?? COLUMN_ALIASES[name] ?? name
}

export const checkUserHeader = (columns: readonly string[]): RowProblem[] => {
  const problems: RowProblem[] = []
  for (const column of ['username', 'displayName'] as const)
    if (!columns.includes(column)) problems.push({ row: 1, column, message: `缺少“${USER_COLUMN_LABELS[column]}”列（${column}）` })
  for (const column of columns)
    if (column !== '' && !USER_COLUMNS.includes(column as never))
      problems.push({ row: 1, column, message: `不认识的列“${column}”，可用的列：${USER_COLUMNS.map((name) => `${USER_COLUMN_LABELS[name]}（${name}）`).join('、')}` })
  return problems
}

const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  ...Object.fromEntries(ROLES.map((role) => [role, role])),
  ...Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, label]) => [label, role as Role])),
  管理员: 'admin', 办公室管理员: 'admin',
  撰写人: 'editor', 编辑: 'editor', 撰稿人: 'editor', 填报人: 'editor',
  领导: 'leader', 审核人: 'leader', 审阅人: 'leader',
  只读: 'viewer', 查看: 'viewer', 查看者: 'viewer', 浏览: 'viewer',
}

export interface UserRow {
  row: number
  username: string
  displayName: string
  role: Role
  /** The department's name, null for none (a leader, viewer or admin may have none). */
  department: string | null
  /** null: one is generated. */
  password: string | null
}

export interface KnownPeople {
  /** Usernames taken already (as stored). */
  usernames: ReadonlySet<string>
}

const firstIssue = (schema: z.ZodType, value: string): string | null => {
  const result = schema.safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? '格式有误')
}

export const validateUserRows = (rows: readonly RawRow[], known: KnownPeople): { users: UserRow[]; problems: RowProblem[] } => {
  const problems: RowProblem[] = []
  const users: UserRow[] = []
  const seen = new Map<string, number>()
  if (rows.length === 0) problems.push({ row: 1, column: 'username', message: '没有任何数据行' })
  if (rows.length > MAX_USER_ROWS) problems.push({ row: 1, column: 'username', message: `一次最多导入 ${MAX_USER_ROWS} 人，本文件有 ${rows.length} 行` })
  for (const { row, cells } of rows) {
    const problem = (column: string, message: string) => problems.push({ row, column, message })
    const username = cellText(cells.username)
    const displayName = cellText(cells.displayName)
    const department = cellText(cells.department)
    const roleText = cellText(cells.role)
    const password = cellText(cells.password)
    const before = problems.length
    const usernameIssue = firstIssue(usernameSchema, username)
    if (usernameIssue) problem('username', username ? usernameIssue : '用户名不能为空')
    else if (seen.has(username.toLowerCase())) problem('username', `用户名“${username}”与第 ${seen.get(username.toLowerCase())} 行重复`)
    else if (known.usernames.has(username)) problem('username', `用户名“${username}”已被使用`)
    if (username) seen.set(username.toLowerCase(), seen.get(username.toLowerCase()) ?? row)
    if (firstIssue(displayNameSchema, displayName)) problem('displayName', displayName ? '姓名不能超过 50 个字' : '姓名不能为空')
    if (department && firstIssue(departmentNameSchema, department)) problem('department', '部门名称不能超过 50 个字')
    const role: Role | undefined = roleText ? ROLE_ALIASES[roleText.toLowerCase()] ?? ROLE_ALIASES[roleText] : department ? 'editor' : undefined
    if (!role) problem('role', roleText ? `不认识的角色“${roleText}”，可填：撰写人、领导、只读、管理员` : '没有部门时请填写角色（领导、只读或管理员）')
    else if (role === 'editor' && !department) problem('department', '撰写人必须属于一个部门')
    if (password) {
      const passwordIssue = firstIssue(passwordSchema, password)
      if (passwordIssue) problem('password', passwordIssue)
    }
    if (problems.length === before) users.push({ row, username, displayName, role: role!, department: department || null, password: password || null })
  }
  return { users: problems.length > 0 ? [] : users, problems }
}
