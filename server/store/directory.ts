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
}

export interface UserRow {
  id: string
  username: string
  display_name: string
  role: Role
  department_id: string | null
  password_hash: string
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  departmentId: row.department_id,
})

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
    createUser: async (input: Omit<User, 'id'> & { passwordHash: string }): Promise<User> => {
      const user: User = { id: createId(), username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId }
      db.prepare(
        'INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(user.id, user.username, user.displayName, user.role, user.departmentId, input.passwordHash, Date.now())
      return user
    },
  }
}

export type Directory = ReturnType<typeof createDirectory>
