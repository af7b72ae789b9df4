/** The security audit log in PostgreSQL (the SQLite twin: ../audit.ts). */
import { AUDIT_PAGE } from '../../../shared/audit.js'
import { cursorParameters, toAuditEntry } from '../audit.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresAudit = ({ pool, one, all }: PgDb): Store['audit'] => ({
  record: async (entry) => {
    await pool.query('INSERT INTO audit_log (at, actor_id, actor_name, action, detail, address) VALUES ($1, $2, $3, $4, $5, $6)', [
      entry.at, entry.actorId, entry.actorName, entry.action, entry.detail, entry.address,
    ])
  },
  list: async (before, limit = AUDIT_PAGE) =>
    (await all('SELECT * FROM audit_log WHERE at < $1 OR (at = $2 AND id < $3) ORDER BY at DESC, id DESC LIMIT $4', [...cursorParameters(before), limit])).map(toAuditEntry),
  signIns: async (userId, username) => {
    const logins = await all<{ at: number; address: string }>("SELECT at, address FROM audit_log WHERE actor_id = $1 AND action = 'login' ORDER BY at DESC, id DESC LIMIT 2", [userId])
    const previous = logins[1] ?? null
    const failed = await one<{ count: number }>("SELECT COUNT(*)::int AS count FROM audit_log WHERE action = 'login-failed' AND (actor_id = $1 OR actor_name = $2) AND at > $3", [userId, username, previous?.at ?? 0])
    return { previous, failedSince: failed!.count }
  },
})
