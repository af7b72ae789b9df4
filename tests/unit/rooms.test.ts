import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRooms, loadSummaryDoc, SavePending } from '../../server/collab/rooms.js'
import { openStore, type Store } from '../../server/store/index.js'

const stores: Store[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
})

/** A real SQLite store holding one summary, whose appends fail while `failing` is set. */
const setup = async () => {
  const store = openStore(mkdtempSync(join(tmpdir(), 'huizong-rooms-')))
  stores.push(store)
  store.db.prepare("INSERT INTO summaries (id, title, year, organisation, template_id, created_at) VALUES ('s1', 't', 2026, 'o', 'x', 0)").run()
  const seed = new Y.Doc()
  seed.getMap('meta').set('title', '年终总结')
  await store.updates.append('s1', [{ data: Y.encodeStateAsUpdate(seed), authorId: null, sections: [] }])
  const disk = { failing: false }
  const append = store.updates.append
  store.updates.append = (...args) => {
    if (disk.failing) throw new Error('database or disk is full')
    return append(...args)
  }
  return { store, disk }
}

describe('rooms: answering API calls', () => {
  it('answers SavePending when the store cannot commit in time, keeps the change and commits it once the store recovers', async () => {
    const { store, disk } = await setup()
    const rooms = createRooms(store, { compactEvery: 1000, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, unloadDelayMs: 60_000, answerTimeoutMs: 200 })
    disk.failing = true
    const started = Date.now()
    const answer = rooms.withRoom('s1', (room) => room.transactServer((doc) => doc.getMap('meta').set('status', '已定稿')))
    await expect(answer).rejects.toBeInstanceOf(SavePending)
    expect(Date.now() - started).toBeLessThan(1000) // answered, not left waiting for the retry
    expect((await loadSummaryDoc(store, 's1')).doc.getMap('meta').get('status')).toBeUndefined()

    disk.failing = false // the retry, a second after the failure, now succeeds
    const room = rooms.get('s1')!
    await new Promise<void>((resolve) => room.whenCommitted(resolve))
    expect((await loadSummaryDoc(store, 's1')).doc.getMap('meta').get('status')).toBe('已定稿')
    await rooms.closeAll()
  })

  it('answers as soon as the change is committed when the store is well', async () => {
    const { store } = await setup()
    const rooms = createRooms(store, { compactEvery: 1000, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, unloadDelayMs: 60_000, answerTimeoutMs: 200 })
    await rooms.withRoom('s1', (room) => room.transactServer((doc) => doc.getMap('meta').set('status', '审核中')))
    expect((await loadSummaryDoc(store, 's1')).doc.getMap('meta').get('status')).toBe('审核中')
    await rooms.closeAll()
  })
})

describe('rooms: the log after the snapshot stays short', () => {
  /** Appends `count` updates to s1's log the way a process that never compacted left them. */
  const leaveTail = async (store: Store, count: number) => {
    const writer = new Y.Doc()
    for (let index = 0; index < count; index++) {
      const before = Y.encodeStateVector(writer)
      writer.getArray('lines').push([`第${index}行`])
      await store.updates.append('s1', [{ data: Y.encodeStateAsUpdate(writer, before), authorId: null, sections: [] }])
    }
    return writer
  }
  const untilCompacted = async (store: Store) => {
    for (let waited = 0; waited < 3000; waited += 20) {
      const stored = await store.updates.load('s1')
      if (stored.snapshot !== null && stored.updates.length === 0) return stored
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('the log was not compacted')
  }

  it('folds a long tail left by a crash into the snapshot soon after the load, though nobody writes', async () => {
    const { store } = await setup()
    const writer = await leaveTail(store, 12)
    const rooms = createRooms(store, { compactEvery: 10, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, unloadDelayMs: 60_000 })
    await rooms.withRoom('s1', () => undefined)
    const stored = await untilCompacted(store)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, stored.snapshot!)
    expect(replica.getArray('lines').toArray()).toEqual(writer.getArray('lines').toArray())
    expect(replica.getMap('meta').get('title')).toBe('年终总结')
    await rooms.closeAll()
  })

  it('folds a short tail in when the summary is closed, though nobody wrote while it was open', async () => {
    const { store } = await setup()
    await leaveTail(store, 3)
    const rooms = createRooms(store, { compactEvery: 1000, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, unloadDelayMs: 10 })
    await rooms.withRoom('s1', () => undefined)
    const stored = await untilCompacted(store)
    expect(stored.lastSeq).toBe(4)
    await rooms.closeAll()
  })

  it('compacts after a few large changes, long before the count of updates is reached', async () => {
    const { store } = await setup()
    const rooms = createRooms(store, { compactEvery: 1000, compactBytes: 64 * 1024, maxBatchBytes: 1 << 20, unloadDelayMs: 60_000 })
    const pasted = '数'.repeat(12 * 1024) // 36 KB of UTF-8, as a pasted chapter is
    for (let index = 0; index < 2; index++) await rooms.withRoom('s1', (room) => room.transactServer((doc) => doc.getArray('pastes').push([pasted])))
    const stored = await untilCompacted(store)
    expect(stored.lastSeq).toBe(3)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, stored.snapshot!)
    expect(replica.getArray('pastes').length).toBe(2)
    await rooms.closeAll()
  })
})
