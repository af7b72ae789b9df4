// Runs SQL transactions on its own SQLite connection in a worker thread, so a durable commit
// (WAL, synchronous=FULL: an fsync per commit) never blocks the server's event loop. Plain
// JavaScript so it loads the same under tsx, vitest and plain node. Each message is one
// transaction made of groups of operations { sql, params, mode: 'run' | 'get' } (params
// positional or one object of named values); the reply carries each group's last result.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')

const statements = new Map()
const prepare = (sql) => {
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql)))
  return statement
}

const transact = db.transaction((groups) =>
  groups.map((operations) => {
    let result = null
    for (const { sql, params, mode } of operations) {
      const args = Array.isArray(params) ? params : [params]
      result = mode === 'get' ? prepare(sql).get(...args) : prepare(sql).run(...args)
    }
    return result ?? null
  }),
)

parentPort.on('message', ({ groups }) => {
  try {
    parentPort.postMessage({ ok: true, results: transact(groups) })
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
})
