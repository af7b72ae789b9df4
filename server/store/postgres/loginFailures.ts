/** Failed sign-ins (登录失败处理) in PostgreSQL (the SQLite twin: ../loginFailures.ts). */
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresLoginFailures = ({ one, pool, transaction }: PgDb): Store['loginFailures'] => ({
  count: async (key, since) => Number((await one<{ count: number }>('SELECT COUNT(*) AS count FROM login_failures WHERE key = $1 AND at > $2', [key, since]))!.count),
  record: (keys, at, prunedUpTo) =>
    transaction(async (client) => {
      await client.query('DELETE FROM login_failures WHERE at <= $1', [prunedUpTo])
      for (const key of keys) await client.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, at])
    }),
  clear: async (key) => void (await pool.query('DELETE FROM login_failures WHERE key = $1', [key])),
})
