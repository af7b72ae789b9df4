import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRandom } from '../random.js'
import { connect, createDataDir, demoSummaryId, login, randomEdit, sectionText, spawnServer, synced, waitFor, type TestClient } from './harness.js'

const children: ChildProcess[] = []
const clients: TestClient[] = []

afterEach(() => {
  clients.splice(0).forEach((client) => client.destroy())
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const start = async (dataDir: string, port = '0') => {
  const server = await spawnServer({ DATA_DIR: dataDir, PORT: port })
  children.push(server.child)
  return server
}

const kill = async (child: ChildProcess) => {
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
}

describe('typing through server crashes', () => {
  it('loses no keystroke when the server is killed twice while three writers keep typing', async () => {
    const dataDir = createDataDir()
    let server = await start(dataDir)
    const port = new URL(server.url).port
    const summaryId = await demoSummaryId(server, await login(server, 'admin'))
    const writers = [
      { username: 'invest', sectionId: 'investment-channels', mark: '甲' },
      { username: 'invest2', sectionId: 'investment-channels', mark: '乙' },
      { username: 'safety', sectionId: 'safety', mark: '丙' },
    ]
    const open = await Promise.all(
      writers.map(async (writer) => {
        const client = connect(server, summaryId, await login(server, writer.username))
        clients.push(client)
        await synced(client)
        return { ...writer, client }
      }),
    )
    const random = createRandom(8)
    let typing = true
    const loop = (async () => {
      while (typing) {
        for (const { client, sectionId, mark } of open) randomEdit(client.doc, sectionId, random, mark)
        await new Promise((resolve) => setTimeout(resolve, 15))
      }
    })()

    for (const pause of [1500, 1500]) {
      await new Promise((resolve) => setTimeout(resolve, pause))
      await kill(server.child)
      await new Promise((resolve) => setTimeout(resolve, 200)) // typing goes on offline
      server = await start(dataDir, port)
    }
    await new Promise((resolve) => setTimeout(resolve, 1500))
    typing = false
    await loop

    const reader = connect(server, summaryId, await login(server, 'leader'))
    clients.push(reader)
    const converged = () =>
      reader.provider.synced &&
      open.every(({ client }) => Buffer.compare(Buffer.from(Y.encodeStateVector(client.doc)), Buffer.from(Y.encodeStateVector(reader.doc))) === 0)
    await waitFor(converged, 20_000, 'every writer and the reader to converge')
    for (const { client, sectionId } of open) expect(sectionText(reader.doc, sectionId)).toBe(sectionText(client.doc, sectionId))
    expect(open.flatMap(({ client }) => client.closes.filter((close) => close.code >= 4000))).toEqual([])
    // Each writer's own copy holds every keystroke it made; the server now has all of them.
    for (const { sectionId } of open) expect(sectionText(reader.doc, sectionId).length).toBeGreaterThan(100)
  }, 60_000)
})
