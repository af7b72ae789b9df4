/**
 * Opens the SQLite file in DATA_DIR and migrates it. WAL with synchronous=FULL: a committed
 * update survives power loss and `kill -9`, which persist-before-broadcast relies on.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from './migrations.js'

export type Db = Database.Database

export const openDb = (dataDir: string): Db => {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'huizong.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

const migrate = (db: Db): void => {
  const version = db.pragma('user_version', { simple: true }) as number
  for (let index = version; index < MIGRATIONS.length; index++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[index]!)
      db.pragma(`user_version = ${index + 1}`)
    })()
  }
}
