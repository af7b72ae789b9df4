/** Departments and users: the organisation's directory. */
import type { Role } from '../../shared/roles.js'
import { createId } from '../ids.js'
import type { Db } from './db.js'

export interface Department {
  id: string
  name: string
}

export interface User {
  id: string
  username: string
  displayName: string
  role: Role
  departmentId: string | null
  /** A disabled user cannot sign in; their sessions are gone. */
  disabled: boolean
  /**
   * Still signing in with a password someone else set (the admin, an import, the demo): they are
   * asked to choose their own (等级保护: 首次登录修改初始口令). Absent: false.
   */
  initialPassword?: boolean
}

/** One person of a batch import: their department by name, created when missing. */
export interface NewPerson {
  username: string
  displayName: string
  role: Role
  department: string | null
  passwordHash: string
}

export interface CreatedPeople {
  users: User[]
  /** The departments the batch created, in the order first named. */
  newDepartments: Department[]
}

/** What the admin may change about a user (and a user about their own password). */
export type UserChange = Partial<Pick<User, 'displayName' | 'role' | 'departmentId' | 'disabled' | 'initialPassword'>> & { passwordHash?: string }

export interface UserRow {
  id: string
  username: string
  display_name: string
  role: Role
  department_id: string | null
  password_hash: string
  disabled: number | boolean
  initial_password?: number | boolean | null
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  departmentId: row.department_id,
  disabled: Boolean(row.disabled),
  initialPassword: Boolean(row.initial_password),
})

/** The columns a UserChange sets, in a stable order, with their values. */
export const userChangeColumns = (change: UserChange): Array<[column: string, value: unknown]> => {
  const columns: Array<[string, unknown]> = []
  if (change.displayName !== undefined) columns.push(['display_name', change.displayName])
  if (change.role !== undefined) columns.push(['role', change.role])
  if (change.departmentId !== undefined) columns.push(['department_id', change.departmentId])
  if (change.passwordHash !== undefined) columns.push(['password_hash', change.passwordHash])
  if (change.disabled !== undefined) columns.push(['disabled', change.disabled])
  if (change.initialPassword !== undefined) columns.push(['initial_password', change.initialPassword])
  return columns
}

export const createDirectory = (db: Db) => {
  const departmentById = db.prepare<[string], Department>('SELECT id, name FROM departments WHERE id = ?')
  const departmentByName = db.prepare<[string], Department>('SELECT id, name FROM departments WHERE name = ?')
  const userByName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?')
  const userById = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?')

  return {
    listDepartments: async (): Promise<Department[]> =>
      db.prepare<[], Department>('SELECT id, name FROM departments ORDER BY created_at, name').all(),
    getDepartment: async (id: string): Promise<Department | undefined> => departmentById.get(id),
    findDepartmentByName: async (name: string): Promise<Department | undefined> => departmentByName.get(name),
    createDepartment: async (name: string): Promise<Department> => {
      const department = { id: createId(), name }
      db.prepare('INSERT INTO departments (id, name, created_at) VALUES (?, ?, ?)').run(department.id, name, Date.now())
      return department
    },
    renameDepartment: async (id: string, name: string): Promise<Department | undefined> => {
      db.prepare('UPDATE departments SET name = ? WHERE id = ?').run(name, id)
      return departmentById.get(id)
    },
    /** Removes a department nobody and nothing refers to (the caller checks; users' key would refuse). */
    deleteDepartment: async (id: string): Promise<void> => {
      db.prepare('DELETE FROM departments WHERE id = ?').run(id)
    },
    /** The department called `name`, created when missing (safe when several ask at once). */
    ensureDepartment: async (name: string): Promise<Department> => {
      db.prepare('INSERT INTO departments (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING').run(createId(), name, Date.now())
      return departmentByName.get(name)!
    },
    listUsers: async (): Promise<User[]> => db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at').all().map(toUser),
    getUser: async (id: string): Promise<User | undefined> => {
      const row = userById.get(id)
      return row ? toUser(row) : undefined
    },
    /** The user and stored password hash for a login attempt. */
    findCredentials: async (username: string): Promise<{ user: User; passwordHash: string } | undefined> => {
      const row = userByName.get(username)
      return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined
    },
    createUser: async (input: Omit<User, 'id' | 'disabled'> & { passwordHash: string }): Promise<User> => {
      const user: User = { id: createId(), username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId, disabled: false, initialPassword: input.initialPassword ?? true }
      db.prepare(
        'INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(user.id, user.username, user.displayName, user.role, user.departmentId, input.passwordHash, Date.now(), user.initialPassword ? 1 : 0)
      return user
    },
    /** Creates everyone and their missing departments in one transaction: all or none. */
    createUsers: async (people: readonly NewPerson[]): Promise<CreatedPeople> =>
      db.transaction((): CreatedPeople => {
        const newDepartments: Department[] = []
        const departmentIds = new Map<string, string>()
        const insertDepartment = db.prepare('INSERT INTO departments (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING')
        const insertUser = db.prepare('INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES (?, ?, ?, ?, ?, ?, ?, 1)')
        const users = people.map((person) => {
          let departmentId: string | null = null
          if (person.department !== null) {
            departmentId = departmentIds.get(person.department) ?? null
            if (!departmentId) {
              const candidate = { id: createId(), name: person.department }
              if (insertDepartment.run(candidate.id, candidate.name, Date.now()).changes > 0) newDepartments.push(candidate)
              departmentId = departmentByName.get(person.department)!.id
              departmentIds.set(person.department, departmentId)
            }
          }
          const user: User = { id: createId(), username: person.username, displayName: person.displayName, role: person.role, departmentId, disabled: false, initialPassword: true }
          insertUser.run(user.id, user.username, user.displayName, user.role, departmentId, person.passwordHash, Date.now())
          return user
        })
        return { users, newDepartments }
      })(),
    updateUser: async (id: string, change: UserChange): Promise<User | undefined> => {
      const columns = userChangeColumns(change)
      if (columns.length > 0)
        db.prepare(`UPDATE users SET ${columns.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, value]) => (typeof value === 'boolean' ? Number(value) : value)), id)
      const row = userById.get(id)
      return row ? toUser(row) : undefined
    },
  }
}

export type Directory = ReturnType<typeof createDirectory>
