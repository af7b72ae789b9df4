/** Departments and users in PostgreSQL (the SQLite twin: ../directory.ts). */
import { createId } from '../../ids.js'
import { toUser, userChangeColumns, type Department, type User, type UserRow } from '../directory.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresDirectory = ({ pool, one, all, transaction }: PgDb): Store['directory'] => {
  const directory: Store['directory'] = {
    listDepartments: () => all<Department>('SELECT id, name FROM departments ORDER BY created_at, name'),
    getDepartment: (id) => one<Department>('SELECT id, name FROM departments WHERE id = $1', [id]),
    findDepartmentByName: (name) => one<Department>('SELECT id, name FROM departments WHERE name = $1', [name]),
    renameDepartment: async (id, name) => {
      await pool.query('UPDATE departments SET name = $1 WHERE id = $2', [name, id])
      return directory.getDepartment(id)
    },
    deleteDepartment: async (id) => void (await pool.query('DELETE FROM departments WHERE id = $1', [id])),
    createDepartment: async (name) => {
      const department = { id: createId(), name }
      await pool.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3)', [department.id, name, Date.now()])
      return department
    },
    ensureDepartment: async (name) => {
      await pool.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [createId(), name, Date.now()])
      return (await one<Department>('SELECT id, name FROM departments WHERE name = $1', [name]))!
    },
    listUsers: async () => (await all<UserRow>('SELECT * FROM users ORDER BY created_at')).map(toUser),
    getUser: async (id) => {
      const row = await one<UserRow>('SELECT * FROM users WHERE id = $1', [id])
      return row ? toUser(row) : undefined
    },
    findCredentials: async (username) => {
      const row = await one<UserRow>('SELECT * FROM users WHERE username = $1', [username])
      return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined
    },
    createUser: async (input) => {
      const user: User = { id: createId(), username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId, disabled: false, initialPassword: input.initialPassword ?? true }
      await pool.query('INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        user.id, user.username, user.displayName, user.role, user.departmentId, input.passwordHash, Date.now(), user.initialPassword,
      ])
      return user
    },
    createUsers: (people) =>
      transaction(async (client) => {
        const newDepartments: Department[] = []
        const departmentIds = new Map<string, string>()
        const users: User[] = []
        for (const person of people) {
          let departmentId: string | null = null
          if (person.department !== null) {
            departmentId = departmentIds.get(person.department) ?? null
            if (!departmentId) {
              const candidate = { id: createId(), name: person.department }
              const inserted = await client.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [candidate.id, candidate.name, Date.now()])
              if (inserted.rowCount) newDepartments.push(candidate)
              departmentId = (await client.query<{ id: string }>('SELECT id FROM departments WHERE name = $1', [person.department])).rows[0]!.id
              departmentIds.set(person.department, departmentId)
            }
          }
          const user: User = { id: createId(), username: person.username, displayName: person.displayName, role: person.role, departmentId, disabled: false, initialPassword: true }
          await client.query('INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE)', [
            user.id, user.username, user.displayName, user.role, departmentId, person.passwordHash, Date.now(),
          ])
          users.push(user)
        }
        return { users, newDepartments }
      }),
    updateUser: async (id, change) => {
      const columns = userChangeColumns(change)
      if (columns.length > 0)
        await pool.query(`UPDATE users SET ${columns.map(([column], index) => `${column} = $${index + 1}`).join(', ')} WHERE id = $${columns.length + 1}`, [...columns.map(([, value]) => value), id])
      return directory.getUser(id)
    },
  }
  return directory
}
