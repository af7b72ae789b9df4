/** Sessions in PostgreSQL (the SQLite twin: ../sessions.ts). */
import { randomBytes } from 'node:crypto'
import { hashToken, liveSessions, lookUp, SESSION_DAYS, touchGate } from '../sessions.js'
import type { Store } from '../types.js'
import type { PgDb } from './db.js'

export const postgresSessions = ({ pool, one, all }: PgDb, sessionIdleMs = 0): Store['sessions'] => {
  const due = touchGate(sessionIdleMs)
  return {
    create: async (userId, origin = { address: '', agent: '' }) => {
      const token = randomBytes(32).toString('base64url')
      const now = Date.now()
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])
      await pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, address, agent) VALUES ($1, $2, $3, $4, $3, $5, $6)', [
        hashToken(token), userId, now, now + SESSION_DAYS * 86_400_000, origin.address, origin.agent,
      ])
      return token
    },
    list: async (userId) =>
      liveSessions(await all('SELECT token_hash, created_at, last_seen_at, address, agent FROM sessions WHERE user_id = $1 AND expires_at > $2', [userId, Date.now()]), sessionIdleMs),
    revokeById: async (userId, id) => ((await pool.query('DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2', [userId, id])).rowCount ?? 0) > 0,
    resolve: async (token) => {
      const found = lookUp(await one<{ user_id: string; last_seen_at: number }>('SELECT user_id, last_seen_at FROM sessions WHERE token_hash = $1 AND expires_at > $2', [hashToken(token), Date.now()]), sessionIdleMs)
      if ('ended' in found && found.ended === 'idle') await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])
      return found
    },
    touch: async (token) => {
      const hash = hashToken(token)
      const now = Date.now()
      if (due(hash, now)) await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [now, hash])
    },
    revoke: async (token) => void (await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])),
    revokeUser: async (userId, keepToken) =>
      void (await pool.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash != $2', [userId, keepToken ? hashToken(keepToken) : ''])),
  }
}
