/**
 * Login sessions. The token itself is only handed to the client; the table keeps its SHA-256,
 * so a copied database file yields no usable tokens. Sessions survive restarts. A session also
 * ends after `idleMs` without activity (登录超时自动退出, 0: never): what counts as activity is
 * the caller's to say with `touch` (a request, an edit — not a page merely left open).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './db.js'

export const SESSION_DAYS = 14
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Where a session was opened: the client's address and a short name of its browser (登录设备). */
export interface SessionOrigin {
  address: string
  agent: string
}

/** One of a user's live sessions as they see it; `id` names it without giving the token away. */
export interface SessionInfo {
  id: string
  createdAt: number
  lastSeenAt: number
  address: string
  agent: string
}

/** A session's public id: the first characters of its token's hash. */
export const sessionIdOf = (hash: string): string => hash.slice(0, 16)

/** The public id of the session a token opens. */
export const sessionIdOfToken = (token: string): string => sessionIdOf(hashToken(token))

/** 登录超时: a session last active at `lastSeenAt` has been idle too long (never when `idleMs` is 0). */
const isIdle = (lastSeenAt: number, idleMs: number, now: number): boolean => idleMs > 0 && now - Number(lastSeenAt) > idleMs

interface SessionRow {
  token_hash: string
  created_at: number
  last_seen_at: number
  address: string
  agent: string
}

/** Live sessions (not expired, not idle), the latest active first, as the user sees them. */
export const liveSessions = (rows: readonly SessionRow[], idleMs: number, now = Date.now()): SessionInfo[] =>
  rows
    .filter((row) => !isIdle(row.last_seen_at, idleMs, now))
    .map((row) => ({ id: sessionIdOf(row.token_hash), createdAt: Number(row.created_at), lastSeenAt: Number(row.last_seen_at), address: row.address, agent: row.agent }))
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)

/** A session's user, or why there is none. */
export type SessionLookup = { userId: string } | { ended: 'idle' | 'unknown' }

/**
 * Whether a session's activity is to be written now: at most once a minute (a quarter of a short
 * idle time), never when sessions do not idle. One per store, keyed by token hash. A hash written
 * longer than that ago gates nothing, so such entries are dropped once per interval: the map holds
 * the sessions active lately, not every session the process has seen.
 */
export const touchGate = (idleMs: number) => {
  const written = new Map<string, number>()
  const every = Math.min(60_000, idleMs / 4)
  let swept = 0
  return (hash: string, now: number): boolean => {
    if (idleMs <= 0 || now - (written.get(hash) ?? 0) < every) return false
    if (now - swept >= every) {
      for (const [key, at] of written) if (now - at >= every) written.delete(key)
      swept = now
    }
    written.set(hash, now)
    return true
  }
}

/** The idle rule on a looked-up row, the same for both stores. */
export const lookUp = (row: { user_id: string; last_seen_at: number } | undefined, idleMs: number, now = Date.now()): SessionLookup => {
  if (!row) return { ended: 'unknown' }
  if (isIdle(row.last_seen_at, idleMs, now)) return { ended: 'idle' }
  return { userId: row.user_id }
}

export const createSessions = (db: Db, idleMs = 0) => {
  const prune = db.prepare('DELETE FROM sessions WHERE expires_at <= ?')
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, address, agent) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const ofUser = db.prepare<[string, number], SessionRow>('SELECT token_hash, created_at, last_seen_at, address, agent FROM sessions WHERE user_id = ? AND expires_at > ?')
  const removeById = db.prepare('DELETE FROM sessions WHERE user_id = ? AND substr(token_hash, 1, 16) = ?')
  const select = db.prepare<[string, number], { user_id: string; last_seen_at: number }>('SELECT user_id, last_seen_at FROM sessions WHERE token_hash = ? AND expires_at > ?')
  const seen = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?')
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?')
  const removeUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?')
  const due = touchGate(idleMs)
  return {
    /** Creates a session and returns its bearer token; the sessions expired by now go (no lookup finds them). */
    create: async (userId: string, origin: SessionOrigin = { address: '', agent: '' }): Promise<string> => {
      const token = randomBytes(32).toString('base64url')
      const now = Date.now()
      prune.run(now)
      insert.run(hashToken(token), userId, now, now + SESSION_DAYS * 86_400_000, now, origin.address, origin.agent)
      return token
    },
    /** The user's live sessions (登录设备). */
    list: async (userId: string): Promise<SessionInfo[]> => liveSessions(ofUser.all(userId, Date.now()), idleMs),
    /** Ends one of the user's sessions by its id; whether there was one. */
    revokeById: async (userId: string, id: string): Promise<boolean> => removeById.run(userId, id).changes > 0,
    /** The user of a live session; an idle one ends here. */
    resolve: async (token: string): Promise<SessionLookup> => {
      const found = lookUp(select.get(hashToken(token), Date.now()), idleMs)
      if ('ended' in found && found.ended === 'idle') remove.run(hashToken(token))
      return found
    },
    /** Marks the session active now (written at most as often as touchGate lets through). */
    touch: async (token: string): Promise<void> => {
      const hash = hashToken(token)
      const now = Date.now()
      if (due(hash, now)) seen.run(now, hash)
    },
    revoke: async (token: string): Promise<void> => void remove.run(hashToken(token)),
    /** Ends every session of a user but the one holding `keepToken`, if given. */
    revokeUser: async (userId: string, keepToken?: string): Promise<void> => void removeUser.run(userId, keepToken ? hashToken(keepToken) : ''),
  }
}

export type Sessions = ReturnType<typeof createSessions>
