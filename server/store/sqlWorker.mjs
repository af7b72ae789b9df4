// Runs SQL transactions on its own SQLite connection in a worker thread, so a durable commit
// (WAL, synchronous=FULL: an fsync per commit) never blocks the server's event loop. Plain
// JavaScript so it loads the same under tsx, vitest and plain node. Each message is one
// transaction: a list of { sql, params, mode: 'run' | 'get' } (params positional or one object of
// named values); the reply carries the last result.
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

const transact = db.transaction((operations) => {
  let result = null
  for (const { sql, params, mode } of operations) {
    const args = Array.isArray(params) ? params : [params]
    result = mode === 'get' ? prepare(sql).get(...args) : prepare(sql).run(...args)
  }
  return result
})

parentPort.on('message', ({ id, operations }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: transact(operations) ?? null })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
})
