/**
 * Login sessions. The token itself is only handed to the client; the table keeps its SHA-256,
 * so a copied database file yields no usable tokens. Sessions survive restarts.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './db.js'

const SESSION_DAYS = 14
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const createSessions = (db: Db) => {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
  const select = db.prepare<[string, number], { user_id: string }>(
    'SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?',
  )
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?')
  const removeUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?')
  return {
    /** Creates a session and returns its bearer token. */
    create: async (userId: string): Promise<string> => {
      const token = randomBytes(32).toString('base64url')
      const now = Date.now()
      insert.run(hashToken(token), userId, now, now + SESSION_DAYS * 86_400_000)
      return token
    },
    /** The user id of a live session, or undefined. */
    resolve: async (token: string): Promise<string | undefined> => select.get(hashToken(token), Date.now())?.user_id,
    revoke: async (token: string): Promise<void> => void remove.run(hashToken(token)),
    /** Ends every session of a user but the one holding `keepToken`, if given. */
    revokeUser: async (userId: string, keepToken?: string): Promise<void> => void removeUser.run(userId, keepToken ? hashToken(keepToken) : ''),
  }
}

export type Sessions = ReturnType<typeof createSessions>
