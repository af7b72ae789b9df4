import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRooms, type Rooms } from '../../server/collab/rooms.js'
import { createStore } from '../../server/store/createStore.js'
import type { Store } from '../../server/store/index.js'
import { takeDailyVersions } from '../../server/summary/dailyVersions.js'
import { docFromState } from '../../server/summary/docFromState.js'
import { createDataDir, databaseEnv } from './harness.js'

const open: Array<{ store: Store; rooms: Rooms }> = []
afterEach(async () => {
  for (const { store, rooms } of open.splice(0)) {
    await rooms.closeAll()
    await store.close()
  }
})

/** A real store (SQLite, or PostgreSQL in that run) with one summary in use and one archived, and the rooms that serve them. */
const setup = async () => {
  const dataDir = createDataDir()
  const store = await createStore({ dataDir, databaseUrl: (await databaseEnv(dataDir)).DATABASE_URL })
  for (const id of ['s1', 's2']) {
    const seed = new Y.Doc()
    seed.getMap('meta').set('title', '年终总结')
    await store.catalog.insertSummary({ id, title: '年终总结', year: 2026, organisation: '园区', templateId: 'x', createdAt: 0 }, null, Y.encodeStateAsUpdate(seed))
  }
  await store.catalog.setArchived('s2', true)
  const rooms = createRooms(store, { compactEvery: 1000, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, unloadDelayMs: 60_000 })
  open.push({ store, rooms })
  const edit = (change: (text: Y.XmlFragment) => void) => rooms.withRoom('s1', (room) => room.transactServer((doc) => change(doc.getXmlFragment('section:a'))))
  const dailies = async () => (await store.versions.list('s1')).filter((version) => version.createdBy === null)
  return { store, rooms, edit, dailies }
}

const day = (date: string) => new Date(`${date}T01:00:00Z`) // 09:00 in China

describe('每日自动保存', () => {
  it('saves each summary once a day when it changed since its newest version, deletions included', async () => {
    const { store, rooms, edit, dailies } = await setup()
    await edit((section) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('全年新签项目18个。')])
      section.insert(0, [paragraph])
    })
    expect(await takeDailyVersions(store, rooms, 14, day('2026-12-01'))).toBe(1)
    expect(await dailies()).toEqual([expect.objectContaining({ name: '每日自动保存（12月1日）', createdByName: '系统' })])
    // Once a day, however often the server looks.
    expect(await takeDailyVersions(store, rooms, 14, day('2026-12-01'))).toBe(0)
    // Nothing changed overnight: no new version.
    expect(await takeDailyVersions(store, rooms, 14, day('2026-12-02'))).toBe(0)
    // A deletion is a change too.
    await edit((section) => section.delete(0, 1))
    expect(await takeDailyVersions(store, rooms, 14, day('2026-12-03'))).toBe(1)
    const [first, second] = await dailies()
    const textOf = async (id: string) => docFromState((await store.versions.get('s1', id))!.data).getXmlFragment('section:a').toString()
    expect(await textOf(first!.id)).toContain('全年新签项目18个。')
    expect(await textOf(second!.id)).toBe('')
    // The archived summary is left alone.
    expect(await store.versions.list('s2')).toEqual([])
  })

  it('keeps the newest ones and never touches versions people saved', async () => {
    const { store, rooms, edit, dailies } = await setup()
    await store.versions.insert({ id: 'v-manual', summaryId: 's1', name: '送审稿', createdBy: 'u1', createdByName: '系统管理员', createdAt: 1 }, new Uint8Array([0, 0]))
    for (const [index, date] of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].entries()) {
      await edit((section) => section.insert(section.length, [new Y.XmlText(`第${index + 1}天`)]))
      expect(await takeDailyVersions(store, rooms, 2, day(date))).toBe(1)
    }
    expect((await dailies()).map((version) => version.name)).toEqual(['每日自动保存（12月3日）', '每日自动保存（12月4日）'])
    expect((await store.versions.list('s1')).map((version) => version.id)).toContain('v-manual')
    expect(await takeDailyVersions(store, rooms, 0, day('2026-12-05'))).toBe(0)
  })
})
