/**
 * 安全审计: who signed in (or failed to), changed a password, an account, a department, a
 * template, or took a backup — when, from which address, and what. Kept apart from each
 * summary's 操作记录 (journal.ts), which is about the report; this is about access, as an
 * office's 等级保护 review asks. Never pruned here: an office keeps at least six months.
 */
import { AUDIT_PAGE, type AuditAction, type AuditCursor, type AuditEntry } from '../../shared/audit.js'
import type { Db } from './db.js'

/** A user's sign-in before this one, and the failed sign-ins with their name since then. */
export interface SignIns {
  previous: { at: number; address: string } | null
  failedSince: number
}

/** Parameters for AUDIT_PAGE_WHERE: without an id, the whole millisecond `at` is left out. */
export const cursorParameters = (before: AuditCursor | undefined): [number, number, number] => {
  const at = before?.at ?? Number.MAX_SAFE_INTEGER
  return [at, at, before?.id ?? 0]
}

export const toAuditEntry = (row: Record<string, unknown>): AuditEntry => ({
  id: Number(row.id),
  at: Number(row.at),
  actorId: (row.actor_id as string | null) ?? null,
  actorName: String(row.actor_name),
  action: row.action as AuditAction,
  detail: String(row.detail),
  address: String(row.address),
})

export const createAudit = (db: Db) => {
  const insert = db.prepare('INSERT INTO audit_log (at, actor_id, actor_name, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)')
  const page = db.prepare<[number, number, number, number]>('SELECT * FROM audit_log WHERE at < ? OR (at = ? AND id < ?) ORDER BY at DESC, id DESC LIMIT ?')
  const logins = db.prepare<[string], { at: number; address: string }>("SELECT at, address FROM audit_log WHERE actor_id = ? AND action = 'login' ORDER BY at DESC, id DESC LIMIT 2")
  const failures = db.prepare<[string, string, number], { count: number }>("SELECT COUNT(*) AS count FROM audit_log WHERE action = 'login-failed' AND (actor_id = ? OR actor_name = ?) AND at > ?")
  return {
    signIns: async (userId: string, username: string): Promise<SignIns> => {
      const previous = logins.all(userId)[1] ?? null
      return { previous, failedSince: failures.get(userId, username, previous?.at ?? 0)!.count }
    },
    record: async (entry: Omit<AuditEntry, 'id'>): Promise<void> => void insert.run(entry.at, entry.actorId, entry.actorName, entry.action, entry.detail, entry.address),
    /** Entries before the cursor, newest first. */
    list: async (before?: AuditCursor, limit = AUDIT_PAGE): Promise<AuditEntry[]> =>
      page.all(...cursorParameters(before), limit).map((row) => toAuditEntry(row as Record<string, unknown>)),
  }
}
