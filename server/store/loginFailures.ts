/**
 * 登录失败处理: failed sign-ins, one row per key (`u:<username>`, `a:<address>`) and time, in the
 * store rather than in memory, so every process of a scaled set-up counts the same failures and a
 * restart does not wipe them. Rows older than the limiter's window are pruned as new ones come.
 */
import type { Db } from './db.js'

export const createLoginFailures = (db: Db) => {
  const count = db.prepare<[string, number], { count: number }>('SELECT COUNT(*) AS count FROM login_failures WHERE key = ? AND at > ?')
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)')
  const prune = db.prepare('DELETE FROM login_failures WHERE at <= ?')
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?')
  return {
    /** Failures of `key` after `since`. */
    count: async (key: string, since: number): Promise<number> => count.get(key, since)!.count,
    /** One failure for each key at `at`; rows up to `prunedUpTo` go. */
    record: async (keys: readonly string[], at: number, prunedUpTo: number): Promise<void> =>
      db.transaction(() => {
        prune.run(prunedUpTo)
        for (const key of keys) insert.run(key, at)
      })(),
    clear: async (key: string): Promise<void> => void clear.run(key),
  }
}
