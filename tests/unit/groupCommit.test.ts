import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGroupCommit } from '../../server/store/groupCommit.js'

const open: Database.Database[] = []
afterEach(() => open.splice(0).forEach((db) => db.close()))

const setup = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'huizong-commit-')), 'test.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)')
  const reader = new Database(file, { readonly: true })
  open.push(db, reader)
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)')
  const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n
  return { db, commits: createGroupCommit(db), insert, count }
}

describe('group commit', () => {
  it('runs every write of one synchronous stretch in one transaction and resolves once it is committed', async () => {
    const { commits, insert, count } = setup()
    const seenByOthers: number[] = []
    const writes = ['甲', '乙', '丙'].map((text) =>
      commits.run(() => {
        seenByOthers.push(count()) // earlier writes of the group are not committed yet
        return insert.run(text).lastInsertRowid
      }),
    )
    expect(count()).toBe(0) // nothing runs before the stretch ends
    expect(await Promise.all(writes)).toEqual([1, 2, 3])
    expect(seenByOthers).toEqual([0, 0, 0])
    expect(count()).toBe(3) // visible to another connection: committed
  })

  it('rejects a failing write alone; the others of its group still commit', async () => {
    const { commits, insert, count } = setup()
    const results = await Promise.allSettled([commits.run(() => insert.run('重复')), commits.run(() => insert.run('重复')), commits.run(() => insert.run('另一条'))])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(count()).toBe(2)
  })
})
