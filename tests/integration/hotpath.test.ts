import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeUpdateMessage } from '../../server/collab/protocol.js'
import { createRandom } from '../random.js'
import { api, connect, createDataDir, demoSummaryId, login, randomEdit, sectionText, startTestServer, synced, waitFor, writeParagraph, type TestClient } from './harness.js'

const clients: TestClient[] = []
afterEach(() => clients.splice(0).forEach((client) => client.destroy()))

const open = async (server: { url: string }, summaryId: string, token: string) => {
  const client = connect(server, summaryId, token)
  clients.push(client)
  await synced(client)
  return client
}

const storedRows = (dataDir: string, summaryId: string) => {
  const db = new Database(join(dataDir, 'huizong.sqlite'), { readonly: true })
  const rows = {
    updates: db.prepare('SELECT seq, data FROM summary_updates WHERE summary_id = ? ORDER BY seq').all(summaryId),
    snapshot: db.prepare('SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = ?').get(summaryId),
  }
  db.close()
  return rows
}

describe('hot path guarantees', () => {
  it('refuses a forbidden update in a burst and still commits and relays the others', async () => {
    const server = await startTestServer()
    const token = await login(server, 'invest')
    const summaryId = await demoSummaryId(server, token)
    const watcher = await open(server, summaryId, await login(server, 'leader'))
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${summaryId}?token=${token}`)
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
    await new Promise((resolve) => socket.on('open', resolve))
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const paragraph = (text: string) => {
      const element = new Y.XmlElement('paragraph')
      element.insert(0, [new Y.XmlText(text)])
      return element
    }
    doc.getXmlFragment('section:investment-service').insert(0, [paragraph('允许的修改')])
    doc.getXmlFragment('section:safety').insert(0, [paragraph('越权的修改')])
    for (const update of updates) socket.send(encodeUpdateMessage(update)) // one burst
    expect(await closed).toBe(4403)
    await waitFor(() => sectionText(watcher.doc, 'investment-service').includes('允许的修改'))
    const late = await open(server, summaryId, token)
    expect(sectionText(late.doc, 'investment-service')).toContain('允许的修改')
    expect(sectionText(late.doc, 'safety')).not.toContain('越权的修改')
    await server.close()
  })

  it('refuses a summary whose stored data is corrupt and leaves that data untouched', async () => {
    const dataDir = createDataDir()
    const first = await startTestServer(dataDir)
    const summaryId = await demoSummaryId(first, await login(first, 'admin'))
    await first.close()
    const db = new Database(join(dataDir, 'huizong.sqlite'))
    db.prepare('INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES (?, 99, ?, NULL, ?, 0)').run(summaryId, Buffer.from([1, 200, 7, 7, 7, 3, 250]), '[]')
    db.close()
    const before = storedRows(dataDir, summaryId)

    const second = await startTestServer(dataDir)
    const token = await login(second, 'admin')
    const client = connect(second, summaryId, token)
    clients.push(client)
    await waitFor(() => client.closes.length > 0, 5000, 'close')
    expect(client.closes[0]!.code).toBe(4503)
    const answer = await api<{ error: { code: string; message: string } }>(second, `/api/summaries/${summaryId}`, { token })
    expect([answer.status, answer.body.error.code]).toEqual([503, 'summary-unavailable'])
    expect(answer.body.error.message).toContain('无法读取')
    expect((await api(second, '/api/summaries', { token })).status).toBe(200) // everything else keeps working
    await second.close()
    expect(storedRows(dataDir, summaryId)).toEqual(before)
  })

  it('loses nothing when the log is compacted while clients keep typing', async () => {
    const dataDir = createDataDir()
    const server = await startTestServer(dataDir, { COMPACT_EVERY: '5' })
    const summaryId = await demoSummaryId(server, await login(server, 'admin'))
    const writers = await Promise.all(['invest', 'invest2'].map(async (name) => open(server, summaryId, await login(server, name))))
    const random = createRandom(7)
    for (let step = 0; step < 300; step++) {
      randomEdit(writers[step % 2]!.doc, 'investment-service', random, String.fromCharCode(0x4e00 + step))
      if (step % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => sectionText(writers[0]!.doc, 'investment-service') === sectionText(writers[1]!.doc, 'investment-service'), 8000, 'writers to converge')
    const replica = sectionText(writers[0]!.doc, 'investment-service')
    // Compacted while typing, not only at shutdown.
    await waitFor(() => (storedRows(dataDir, summaryId).snapshot as { upto_seq: number }).upto_seq > 100, 5000, 'a compaction while the server runs')
    await server.close()
    const again = await startTestServer(dataDir)
    const reader = await open(again, summaryId, await login(again, 'leader'))
    expect(sectionText(reader.doc, 'investment-service')).toBe(replica)
    expect(storedRows(dataDir, summaryId).updates.length).toBeLessThan(5)
    await again.close()
  })

  it('lets a summary leave memory after its last client, compacted', async () => {
    const dataDir = createDataDir()
    const server = await startTestServer(dataDir)
    const summaryId = await demoSummaryId(server, await login(server, 'admin'))
    const openSummaries = async () => ((await (await fetch(`${server.url}/healthz`)).json()) as { openSummaries: number }).openSummaries
    const writer = connect(server, summaryId, await login(server, 'invest'))
    await synced(writer)
    writeParagraph(writer.doc, 'investment', '离开之前写下的一句')
    await waitFor(() => storedRows(dataDir, summaryId).updates.some((row) => Buffer.from((row as { data: Buffer }).data).includes(Buffer.from('离开之前'))))
    expect(await openSummaries()).toBe(1)
    writer.destroy()
    await waitFor(async () => (await openSummaries()) === 0, 5000, 'the idle summary to leave memory')
    await waitFor(() => storedRows(dataDir, summaryId).updates.length === 0, 5000, 'the log compacted on unload')
    const reader = await open(server, summaryId, await login(server, 'leader'))
    expect(sectionText(reader.doc, 'investment')).toContain('离开之前写下的一句')
    await server.close()
  })
})
