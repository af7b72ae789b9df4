import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readThreads } from '../../shared/doc/comments.js'
import { anchorsFor, api, connect, createClientPool, createDataDir, login, sectionText, spawnServer as spawn, synced, waitFor, writeParagraph } from './harness.js'
import { servicesUnavailable, startPostgres, startRedis, startSlowLink, type Postgres, type Redis } from './services.js'
import { keepSummaryBusy, sectionTexts } from './busySummary.js'

let postgres: Postgres | null = null
let redis: Redis | null = null
let databaseUrl = ''
const children: ChildProcess[] = []
const pool = createClientPool()
const open = pool.open

const spawnServer = async (env: Record<string, string> = {}) => {
  const server = await spawn({ DATA_DIR: createDataDir(), DATABASE_URL: databaseUrl, REDIS_URL: redis!.url, UNLOAD_DELAY_MS: '200', ...env })
  children.push(server.child)
  return server
}

beforeAll(async () => {
  if (servicesUnavailable) return
  postgres = await startPostgres()
  redis = await startRedis()
  databaseUrl = await postgres.createDatabase()
}, 120_000)

afterAll(() => {
  pool.destroyAll()
  for (const child of children) child.kill('SIGKILL')
  redis?.stop()
  postgres?.stop()
})

describe.skipIf(servicesUnavailable)('several processes on PostgreSQL and Redis', () => {
  if (servicesUnavailable) console.warn(`跳过多进程测试：${servicesUnavailable}`)
  let first: { url: string; child: ChildProcess }
  let second: { url: string; child: ChildProcess }
  let summaryId: string

  it('creates the admin and the demo exactly once when processes start together; a token works on all', async () => {
    ;[first, second] = await Promise.all([spawnServer(), spawnServer()])
    const token = await login(first, 'admin')
    const summaries = await api<Array<{ id: string }>>(second, '/api/summaries', { token })
    expect(summaries.status).toBe(200)
    expect(summaries.body).toHaveLength(1)
    summaryId = summaries.body[0]!.id
    expect((await api<Array<{ username: string }>>(second, '/api/users', { token })).body.filter((user) => user.username === 'admin')).toHaveLength(1)
  })

  it('relays edits, awareness and comments between clients of different processes', async () => {
    const writer = await open(first, summaryId, await login(first, 'invest'))
    const reader = await open(second, summaryId, await login(second, 'leader'))
    writeParagraph(writer.doc, 'investment-service', '跨进程同步的段落。')
    await waitFor(() => sectionText(reader.doc, 'investment-service').includes('跨进程同步的段落'), 5000, 'the edit on the other process')
    // A caret: relative positions in the section's fragment (colleagues' editors draw it there).
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment('section:investment-service'), 0))
    writer.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret })
    await waitFor(() => [...reader.provider.awareness.getStates().values()].some((state) => (state.user as { username?: string } | undefined)?.username === 'invest'), 5000, 'awareness across processes')
    const leader = await login(second, 'leader')
    const created = await api<{ id: string }>(second, `/api/summaries/${summaryId}/comments`, { token: leader, body: { sectionId: 'investment-service', ...anchorsFor(reader.doc, 'investment-service', '跨进程'), quote: '跨进程', text: '请核实' } })
    expect(created.status).toBe(201)
    await waitFor(() => readThreads(writer.doc).some((thread) => thread.id === created.body.id), 5000, 'the comment on the other process')
  })

  it("keeps a colleague's presence on the other process when a reader who echoed it leaves", async () => {
    // A summary of its own: the first reader here must be the first to echo the writer's state.
    const created = await api<{ id: string }>(first, '/api/summaries', { token: await login(first, 'admin'), body: { templateId: 'park-annual', year: 2027, organisation: '回声测试园区' } })
    const summaryId = created.body.id
    const writer = await open(first, summaryId, await login(first, 'invest'))
    const isWriter = (state: Record<string, unknown> | undefined) => (state?.user as { username?: string } | undefined)?.username === 'invest'
    const seesWriter = (client: typeof writer) => isWriter(client.provider.awareness.getStates().get(writer.doc.clientID))
    // The first reader's stock provider echoes the writer's state to its process.
    const echoing = await open(second, summaryId, await login(second, 'leader'))
    writer.provider.awareness.setLocalStateField('cursor', null) // published now that the other process has the summary open
    await waitFor(() => seesWriter(echoing), 5000, 'the writer on the other process')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const staying = await open(second, summaryId, await login(second, 'economy'))
    await waitFor(() => seesWriter(staying), 5000, 'the writer for the second reader')
    const clock = writer.provider.awareness.meta.get(writer.doc.clientID)!.clock
    echoing.destroy()
    for (let waited = 0; waited < 1000; waited += 20) {
      expect(seesWriter(staying)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Nobody removed the writer's state, so its provider did not have to announce itself again.
    expect(writer.provider.awareness.meta.get(writer.doc.clientID)!.clock).toBe(clock)
  })

  it('shows who is on the other process to a reader who opens the summary here, before they change anything', async () => {
    const created = await api<{ id: string }>(first, '/api/summaries', { token: await login(first, 'admin'), body: { templateId: 'park-annual', year: 2027, organisation: '在线测试园区' } })
    const writer = await open(first, created.body.id, await login(first, 'invest'))
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment('section:investment'), 0))
    writer.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret })
    await new Promise((resolve) => setTimeout(resolve, 300)) // published while the second process has not opened it
    const reader = await open(second, created.body.id, await login(second, 'leader'))
    // Well before the writer's provider renews its state (every 15 s).
    await waitFor(() => (reader.provider.awareness.getStates().get(writer.doc.clientID)?.user as { username?: string } | undefined)?.username === 'invest', 3000, 'the writer’s presence')
    expect(reader.provider.awareness.getStates().get(writer.doc.clientID)?.cursor).toEqual({ anchor: caret, head: caret })
  })

  it('applies the same guard and workflow locks on every process', async () => {
    const intruder = await open(second, summaryId, await login(second, 'safety'))
    writeParagraph(intruder.doc, 'investment-service', '越权')
    await waitFor(() => intruder.closes.some((close) => close.code === 4403), 5000, '4403')
    const leader = await login(first, 'leader')
    expect((await api(second, `/api/summaries/${summaryId}/sections/investment-channels`, { token: await login(second, 'invest'), method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
    expect((await api(first, `/api/summaries/${summaryId}/sections/investment-channels`, { token: leader, method: 'PATCH', body: { status: 'final' } })).status).toBe(200)
    const writer = await open(second, summaryId, await login(second, 'invest'))
    await waitFor(() => writer.doc.getArray('outline').toJSON().some((entry: { id: string; status: string }) => entry.id === 'investment-channels' && entry.status === 'final'))
    writeParagraph(writer.doc, 'investment-channels', '定稿后')
    await waitFor(() => writer.closes.some((close) => close.code === 4403), 5000, '4403 on the locked section')
  })

  it('brings writers on both processes to the same text while the office reshapes the outline under them', async () => {
    // A summary of its own: the outline is rearranged for good.
    const admin = await login(first, 'admin')
    const { id } = (await api<{ id: string }>(first, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '多进程繁忙园区' } })).body
    const other = await spawnServer({ COMPACT_EVERY: '40' })
    const result = await keepSummaryBusy([first, other], id, { seconds: 8, seed: 7 })
    expect(result.diverged).toEqual([])
    for (const change of ['move', 'reassign', 'approve', 'delete']) expect(result.accepted[change], change).toBeGreaterThan(0)
    // A process started afterwards reads the same from the store.
    const late = await open(await spawnServer(), id, admin)
    expect(sectionTexts(late.doc, Object.keys(result.texts))).toEqual(result.texts)
  }, 60_000)

  it('counts failed sign-ins across processes: the limit is the same however they are spread', async () => {
    for (const [index, server] of [first, second, first, second, first].entries()) {
      expect([index, (await api(server, '/api/login', { body: { username: 'build', password: 'not-it' } })).status]).toEqual([index, 401])
    }
    expect((await api(second, '/api/login', { body: { username: 'build', password: 'huizong2026' } })).status).toBe(429)
    expect((await api(first, '/api/login', { body: { username: 'build', password: 'huizong2026' } })).status).toBe(429)
  })

  it('answers a lock only once it holds on every process, even one whose Redis messages come late', async () => {
    // A process on a far host: what Redis sends it arrives 150 ms late. The 定稿 used to be
    // answered before the lock got there, and a writer on that process could still type into
    // the section; with one process nothing is accepted after the answer.
    const link = await startSlowLink(redis!.url, 150)
    const far = await spawnServer({ REDIS_URL: link.url })
    try {
      const writer = await open(far, summaryId, await login(far, 'invest'))
      const path = `/api/summaries/${summaryId}/sections/plan-investment`
      expect((await api(first, path, { token: await login(first, 'invest'), method: 'PATCH', body: { status: 'review' } })).status).toBe(200)
      expect((await api(first, path, { token: await login(first, 'leader'), method: 'PATCH', body: { status: 'final' } })).status).toBe(200)
      writeParagraph(writer.doc, 'plan-investment', '定稿之后写的')
      await waitFor(() => writer.closes.some((close) => close.code === 4403), 5000, '4403 on the section locked on another process')
      const reader = await open(second, summaryId, await login(second, 'leader'))
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(sectionText(reader.doc, 'plan-investment')).not.toContain('定稿之后写的')
    } finally {
      far.child.kill('SIGKILL')
      link.stop()
    }
  })

  /** Stops Redis for `outage`, then starts it again on the same port, whatever `outage` does. */
  const withoutRedis = async (outage: () => Promise<void>): Promise<void> => {
    redis!.stop()
    await new Promise((resolve) => setTimeout(resolve, 200))
    try {
      await outage()
    } finally {
      redis = await startRedis(Number(new URL(redis!.url).port))
    }
  }

  it('catches up from the store after missing published messages', async () => {
    // Two processes whose periodic read of the store comes only after the test: what the reader
    // gets, it gets from the catch-up when Redis is back.
    const [one, two] = await Promise.all([spawnServer({ CATCH_UP_MS: '600000' }), spawnServer({ CATCH_UP_MS: '600000' })])
    const writer = await open(one, summaryId, await login(one, 'invest'))
    const reader = await open(two, summaryId, await login(two, 'leader'))
    const health = async () => (await fetch(`${one.url}/healthz`)).json() as Promise<{ ok: boolean; redis?: string }>
    expect(await health()).toMatchObject({ ok: true, redis: 'connected' })
    await withoutRedis(async () => {
      writeParagraph(writer.doc, 'investment-service', 'Redis 中断期间写入。')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(sectionText(reader.doc, 'investment-service')).not.toContain('Redis 中断期间写入')
      // Reported, not failed: this process still serves and saves.
      expect(await health()).toMatchObject({ ok: true, redis: 'disconnected' })
    })
    await waitFor(() => sectionText(reader.doc, 'investment-service').includes('Redis 中断期间写入'), 15_000, 'the catch-up')
    await waitFor(async () => (await health()).redis === 'connected', 15_000, 'Redis reported back')
  })

  it('while Redis is down, colleagues on different processes still see each other every CATCH_UP_MS', async () => {
    const [one, two] = await Promise.all([spawnServer({ CATCH_UP_MS: '500' }), spawnServer({ CATCH_UP_MS: '500' })])
    const writer = await open(one, summaryId, await login(one, 'invest'))
    const reader = await open(two, summaryId, await login(two, 'leader'))
    await withoutRedis(async () => {
      writeParagraph(writer.doc, 'investment-service', 'Redis 停止时照常写入。')
      await waitFor(() => sectionText(reader.doc, 'investment-service').includes('Redis 停止时照常写入'), 3000, 'the periodic read of the store')
    })
  })

  it('loses nothing when a process is killed while clients on both type: its clients move to the other', async () => {
    const token = await login(first, 'invest')
    const writer = await open(first, summaryId, token)
    const colleague = await open(second, summaryId, await login(second, 'invest2'))
    const reader = await open(second, summaryId, await login(second, 'leader'))
    writeParagraph(writer.doc, 'investment-service', '进程被杀前写入。')
    writeParagraph(colleague.doc, 'investment-service', '另一进程同时写入。')
    await waitFor(() => sectionText(reader.doc, 'investment-service').includes('进程被杀前写入') && sectionText(reader.doc, 'investment-service').includes('另一进程同时写入'))
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    writeParagraph(writer.doc, 'investment-service', '断开后继续写的内容。') // typed while its process is gone
    // The client reconnects to the surviving process with the same local copy.
    writer.provider.destroy()
    const moved = pool.track(connect(second, summaryId, token, writer.doc))
    await synced(moved)
    await waitFor(() => sectionText(reader.doc, 'investment-service').includes('断开后继续写的内容'), 5000, 'the moved client’s text')
    const third = await spawnServer()
    const late = await open(third, summaryId, await login(third, 'leader'))
    for (const text of ['进程被杀前写入。', '另一进程同时写入。', '断开后继续写的内容。']) expect(sectionText(late.doc, 'investment-service')).toContain(text)
    expect(sectionText(late.doc, 'investment-service')).toBe(sectionText(writer.doc, 'investment-service'))
  })

  it('ends the connections of an account disabled on another process before the change is answered', async () => {
    const other = await spawnServer() // its own round of checks comes every 30 s
    const writer = await open(other, summaryId, await login(other, 'safety'))
    const admin = await login(second, 'admin')
    const safety = (await api<Array<{ id: string; username: string }>>(second, '/api/users', { token: admin })).body.find((user) => user.username === 'safety')!
    expect((await api(second, `/api/users/${safety.id}`, { token: admin, method: 'PATCH', body: { disabled: true } })).status).toBe(200)
    await waitFor(() => writer.closes.some((close) => close.code === 4401), 1000, 'the disabled account’s connection on the other process to close')
    expect((await api(second, `/api/users/${safety.id}`, { token: admin, method: 'PATCH', body: { disabled: false } })).status).toBe(200)
  })

  it('closes the pages of a summary moved to the 回收站 on another process before the deletion is answered', async () => {
    const other = await spawnServer()
    const admin = await login(second, 'admin')
    const { id } = (await api<{ id: string }>(second, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '多进程回收站园区' } })).body
    const reader = await open(other, id, await login(other, 'leader'))
    expect((await api(second, `/api/summaries/${id}`, { token: admin, method: 'DELETE' })).status).toBe(200)
    await waitFor(() => reader.closes.some((close) => close.reason === 'summary-deleted'), 1000, 'the page on the other process to close')
    expect((await api(other, `/api/summaries/${id}`, { token: await login(other, 'leader') })).status).toBe(404)
  })
})
