/**
 * Group commit on the main SQLite connection. Every write requested during one synchronous
 * stretch of work (in the server, one event-loop turn's flush of every summary) runs in one
 * transaction, committed in process.nextTick: one fsync for all of them. Each write runs in its
 * own savepoint, so one failing write is rejected alone and the others still commit.
 *
 * The fsync blocks the loop once per turn (≈0.2–0.6 ms on the development machine); measured,
 * that is cheaper than handing the commit to a worker thread, whose two hops added 2 ms at the
 * median under load (bench/RESULTS.md).
 */
import type { Db } from './db.js'

interface Pending {
  work: () => unknown
  resolve: (value: never) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export interface GroupCommit {
  /** Runs `work` inside the next group transaction; resolves once that transaction is durable. */
  run<T>(work: () => T): Promise<T>
}

export const createGroupCommit = (db: Db): GroupCommit => {
  let pending: Pending[] = []
  // Built once: better-sqlite3 builds four wrappers per db.transaction() call, which showed in
  // profiles of the commit.
  const inSavepoint = db.transaction((work: () => unknown) => work()) // nested: a savepoint
  const inTransaction = db.transaction((group: readonly Pending[], outcomes: Outcome[]) => {
    for (const { work } of group) {
      try {
        outcomes.push({ ok: true, value: inSavepoint(work) })
      } catch (error) {
        outcomes.push({ ok: false, error })
      }
    }
  })

  const commit = (): void => {
    const group = pending
    pending = []
    const outcomes: Outcome[] = []
    try {
      inTransaction(group, outcomes)
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group is stored.
      for (const { reject } of group) reject(error)
      return
    }
    group.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index]!
      if (outcome.ok) resolve(outcome.value as never)
      else reject(outcome.error)
    })
  }

  return {
    run: <T>(work: () => T) =>
      new Promise<T>((resolve, reject) => {
        if (pending.length === 0) process.nextTick(commit)
        pending.push({ work, resolve: resolve as (value: never) => void, reject })
      }),
  }
}
