import Database from 'better-sqlite3'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { openStore } from '../../server/store/index.js'
import { SESSION_DAYS } from '../../server/store/sessions.js'
import { MIGRATIONS } from '../../server/store/migrations.js'
import { openPostgresStore } from '../../server/store/postgres/index.js'
import type { Store } from '../../server/store/types.js'
import { createDataDir } from './harness.js'
import { servicesUnavailable, startPostgres, type Postgres } from './services.js'

let postgres: Postgres | null = null

beforeAll(async () => {
  if (!servicesUnavailable) postgres = await startPostgres()
}, 120_000)
afterAll(() => postgres?.stop())

/** A store, and how many session rows its database holds, read past the store. */
interface Opened {
  store: Store
  sessionRows: () => Promise<number>
}

const openSqlite = async (): Promise<Opened> => {
  const dataDir = createDataDir()
  const store = await openStore(dataDir)
  const sessionRows = async () => {
    const raw = new Database(join(dataDir, 'huizong.sqlite'), { readonly: true })
    try {
      return (raw.prepare('SELECT count(*) AS rows FROM sessions').get() as { rows: number }).rows
    } finally {
      raw.close()
    }
  }
  return { store, sessionRows }
}

const openPostgres = async (): Promise<Opened> => {
  const url = await postgres!.createDatabase()
  const store = await openPostgresStore(url)
  const sessionRows = async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return Number((await client.query<{ rows: string }>('SELECT count(*) AS rows FROM sessions')).rows[0]!.rows)
    } finally {
      await client.end()
    }
  }
  return { store, sessionRows }
}

const engines: Array<[string, () => Promise<Store>, string | null, () => Promise<Opened>]> = [
  ['SQLite', async () => (await openSqlite()).store, null, openSqlite],
  ['PostgreSQL', async () => (await openPostgres()).store, servicesUnavailable, openPostgres],
]

const update = (text: string) => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe.each(engines)('store on %s', (_name, open, unavailable, openWithRows) => {
  if (unavailable) console.warn(`跳过 PostgreSQL 存储测试：${unavailable}`)

  it.skipIf(unavailable)('removes the sessions that have expired when someone logs in, and keeps the live ones', async () => {
    const { store, sessionRows } = await openWithRows()
    const department = await store.directory.ensureDepartment('招商部')
    const user = await store.directory.createUser({ username: 'invest', displayName: '张招商', role: 'editor', departmentId: department.id, passwordHash: 'scrypt$x' })
    const now = Date.now()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(now - 86_400_000)
      const live = await store.sessions.create(user.id)
      vi.setSystemTime(now - (SESSION_DAYS + 1) * 86_400_000)
      const expired = await store.sessions.create(user.id)
      vi.useRealTimers()
      expect(await sessionRows()).toBe(2)
      expect(await store.sessions.resolve(expired)).toEqual({ ended: 'unknown' })
      const next = await store.sessions.create(user.id)
      expect(await sessionRows()).toBe(2)
      for (const token of [live, next]) expect(await store.sessions.resolve(token)).toEqual({ userId: user.id })
    } finally {
      vi.useRealTimers()
      await store.close()
    }
  })

  it.skipIf(unavailable)('keeps directory, sessions and templates', async () => {
    const store = await open()
    const [first, second] = await Promise.all([store.directory.ensureDepartment('招商部'), store.directory.ensureDepartment('招商部')])
    expect(first.id).toBe(second.id)
    const user = await store.directory.createUser({ username: 'invest', displayName: '张招商', role: 'editor', departmentId: first.id, passwordHash: 'scrypt$x' })
    expect((await store.directory.findCredentials('invest'))?.user).toEqual(user)
    const token = await store.sessions.create(user.id)
    expect(await store.sessions.resolve(token)).toEqual({ userId: user.id })
    await store.sessions.touch(token)
    await store.sessions.revoke(token)
    expect(await store.sessions.resolve(token)).toEqual({ ended: 'unknown' })
    await store.catalog.saveTemplate({ id: 't', title: '标题', departments: ['招商部'], sections: [{ id: 's', title: '章', department: '招商部' }] }, true)
    expect(await store.catalog.listTemplates()).toEqual([{ id: 't', title: '标题', builtin: true }])
    expect(await Promise.all([store.catalog.claimInitialisation(), store.catalog.claimInitialisation()])).toEqual(expect.arrayContaining([true, false]))
    await store.close()
  })

  it.skipIf(unavailable)('appends with contiguous sequence numbers, compacts and loads exactly', async () => {
    const store = await open()
    await store.catalog.insertSummary({ id: 'sum', title: 't', year: 2026, organisation: 'o', templateId: 't', createdAt: 1 }, null, update('起'))
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => store.updates.append('sum', [{ data: update(`第${index}`), authorId: 'u1', sections: ['a'] }])))
    expect([...results].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect((await store.updates.loadSince('sum', 8)).map((row) => row.seq)).toEqual([9, 10])
    const state = await store.updates.load('sum')
    expect([state.updates.length, state.lastSeq, state.snapshotSeq]).toEqual([10, 10, 0])
    const doc = new Y.Doc()
    for (const data of [state.snapshot!, ...state.updates]) Y.applyUpdate(doc, data)
    await store.updates.compact('sum', Y.encodeStateAsUpdate(doc), 10)
    await store.updates.compact('sum', update('旧的快照不会覆盖新的'), 4)
    const compacted = await store.updates.load('sum')
    expect([compacted.updates.length, compacted.lastSeq, compacted.snapshotSeq]).toEqual([0, 10, 10])
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, compacted.snapshot!)
    expect(reloaded.getText('t').length).toBe(doc.getText('t').length)
    expect(await store.updates.append('sum', [{ data: update('后'), authorId: null, sections: [] }])).toBe(11)
    expect(await store.updates.activity('sum')).toEqual([expect.objectContaining({ sectionId: 'a', userId: 'u1', edits: 10 })])
    await store.versions.insert({ id: 'v1', summaryId: 'sum', name: '初稿', createdBy: null, createdByName: '管理员', createdAt: 5 }, update('版'))
    expect((await store.versions.get('sum', 'v1'))?.name).toBe('初稿')
    await store.close()
  })

  it.skipIf(unavailable)('keeps a summary in the 回收站 out of the lists, and purges everything stored of it', async () => {
    const store = await open()
    const summary = { title: 't', year: 2026, organisation: 'o', templateId: 't', createdAt: 1 }
    await store.catalog.insertSummary({ id: 'gone', ...summary }, null, update('起'))
    await store.catalog.insertSummary({ id: 'kept', ...summary }, null, update('留'))
    for (const id of ['gone', 'kept']) {
      await store.updates.append(id, [{ data: update('字'), authorId: 'u1', sections: ['a'] }])
      await store.versions.insert({ id: `v-${id}`, summaryId: id, name: '初稿', createdBy: null, createdByName: '管理员', createdAt: 5 }, update('版'))
      await store.journal.record({ summaryId: id, at: 1, userId: null, userName: '管理员', action: 'summary', sectionId: null, detail: '新建' })
      await store.reads.save(id, 'u1', [{ sectionId: 'a', readAt: 1, paragraphs: ['字'] }])
    }
    expect(await store.catalog.setDeleted('gone', '系统管理员')).toMatchObject({ id: 'gone', deletedBy: '系统管理员', deletedAt: expect.any(Number) })
    expect((await store.catalog.listSummaries()).map((record) => record.id)).toEqual(['kept'])
    expect(await store.catalog.getSummary('gone')).toBeUndefined()
    expect((await store.catalog.listDeleted()).map((record) => record.id)).toEqual(['gone'])
    await store.catalog.purgeSummary('kept') // only one in the 回收站 can go
    expect(await store.catalog.getSummary('kept')).toBeDefined()
    await store.catalog.purgeSummary('gone')
    expect(await store.catalog.getDeletedSummary('gone')).toBeUndefined()
    expect(await store.updates.load('gone')).toEqual({ snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0 })
    expect([await store.versions.list('gone'), await store.journal.list('gone'), await store.reads.list('gone', 'u1'), await store.updates.activity('gone')]).toEqual([[], [], [], []])
    expect((await store.versions.list('kept')).length).toBe(1)
    expect((await store.updates.load('kept')).lastSeq).toBe(1)
    await store.close()
  })

  it.skipIf(unavailable)('pages the 安全审计 without skipping entries that share a millisecond at a page’s end', async () => {
    const store = await open()
    // Five sign-ins in one millisecond, two before: pages of three split the millisecond.
    const times = [100, 200, 300, 300, 300, 300, 300]
    for (const [index, at] of times.entries()) {
      await store.audit.record({ at, actorId: null, actorName: `第${index}`, action: 'login', detail: '', address: '' })
    }
    const seen: string[] = []
    let page = await store.audit.list(undefined, 3)
    while (page.length > 0) {
      seen.push(...page.map((entry) => entry.actorName))
      const last = page.at(-1)!
      page = await store.audit.list({ at: last.at, id: last.id }, 3)
    }
    expect(seen).toEqual(['第6', '第5', '第4', '第3', '第2', '第1', '第0'])
    // A time alone still leaves out that whole millisecond.
    expect((await store.audit.list({ at: 300 })).map((entry) => entry.actorName)).toEqual(['第1', '第0'])
    await store.close()
  })
})

/** A database as the release before the migration that mentions `marker` left it, in a new data dir. */
const databaseBefore = (marker: string): { dataDir: string; old: Database.Database } => {
  const dataDir = createDataDir()
  const old = new Database(join(dataDir, 'huizong.sqlite'))
  const before = MIGRATIONS.findIndex((migration) => migration.includes(marker))
  for (const migration of MIGRATIONS.slice(0, before)) old.exec(migration)
  old.pragma(`user_version = ${before}`)
  return { dataDir, old }
}

describe('SQLite migrations', () => {
  it('moves the update log of an existing database into the table clustered by summary, losing nothing', async () => {
    const { dataDir, old } = databaseBefore('summary_updates_by_summary')
    old.prepare("INSERT INTO summaries (id, title, year, organisation, template_id, created_at) VALUES ('s1', 't', 2026, 'o', 'x', 0)").run()
    const written = ['第一句', '第二句', '第三句'].map((text, index) => {
      const data = update(text)
      old.prepare("INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES ('s1', ?, ?, 'u', '[\"a\"]', 0)").run(index + 1, data)
      return Buffer.from(data)
    })
    old.close()

    const store = openStore(dataDir)
    const loaded = await store.updates.load('s1')
    expect(loaded.lastSeq).toBe(3)
    expect(loaded.updates.map((data) => Buffer.from(data))).toEqual(written)
    const table = store.db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'summary_updates'").get()!
    expect(table.sql).toContain('WITHOUT ROWID')
    await store.updates.append('s1', [{ data: update('第四句'), authorId: 'u', sections: ['a'] }])
    expect((await store.updates.load('s1')).lastSeq).toBe(4)
    await store.close()
  })

  it('counts the accounts from before 首次登录修改初始口令 as having chosen their password', async () => {
    const { dataDir, old } = databaseBefore('initial_password')
    old.prepare("INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at) VALUES ('u1', 'old', '老同事', 'viewer', NULL, 'scrypt$x', 0)").run()
    old.close()
    const store = openStore(dataDir)
    expect((await store.directory.getUser('u1'))?.initialPassword).toBe(false)
    expect((await store.directory.createUser({ username: 'new', displayName: '新同事', role: 'viewer', departmentId: null, passwordHash: 'scrypt$y' })).initialPassword).toBe(true)
    await store.close()
  })
})
