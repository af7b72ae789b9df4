import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, connect, createDataDir, demoSummaryId, login, sectionText, startTestServer, synced, waitFor, writeParagraph, type TestClient } from './harness.js'

const clients: TestClient[] = []
const children: ChildProcess[] = []

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const open = async (server: { url: string }, summaryId: string, token: string) => {
  const client = connect(server, summaryId, token)
  clients.push(client)
  await synced(client)
  return client
}

/** Runs `npm start`'s entry point as a separate process, so it can be killed for real. */
const spawnServer = (dataDir: string): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /已启动：(http:\/\/\S+)/.exec(output)
      if (match) resolve({ url: match[1]!, child })
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })

describe('persistence', () => {
  it('keeps every accepted edit across a graceful restart', async () => {
    const dataDir = createDataDir()
    const first = await startTestServer(dataDir)
    const token = await login(first, 'invest')
    const summaryId = await demoSummaryId(first, token)
    const writer = await open(first, summaryId, token)
    for (let index = 0; index < 30; index++) writeParagraph(writer.doc, 'plan-investment', `第${index}段`)
    const observer = await open(first, summaryId, await login(first, 'leader'))
    await waitFor(() => sectionText(observer.doc, 'plan-investment').includes('第29段'))
    writer.destroy()
    observer.destroy()
    await first.close()

    const second = await startTestServer(dataDir)
    const reader = await open(second, summaryId, await login(second, 'leader'))
    expect(sectionText(reader.doc, 'plan-investment').split('\n')).toHaveLength(30)
    await second.close()
  })

  it('keeps what a peer has seen when the server is killed with SIGKILL right after', async () => {
    const dataDir = createDataDir()
    const first = await spawnServer(dataDir)
    const summaryId = await demoSummaryId(first, await login(first, 'admin'))
    const writer = await open(first, summaryId, await login(first, 'safety'))
    const observer = await open(first, summaryId, await login(first, 'leader'))
    writeParagraph(writer.doc, 'safety', '签订安全生产责任书46份')
    await waitFor(() => sectionText(observer.doc, 'safety').includes('46份'), 5000, 'observer to see the edit')
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    writer.destroy()
    observer.destroy()

    const second = await spawnServer(dataDir)
    const reader = await open(second, summaryId, await login(second, 'leader'))
    expect(sectionText(reader.doc, 'safety')).toContain('签订安全生产责任书46份')
  })

  it('compacts the log into a snapshot without losing an edit', async () => {
    const dataDir = createDataDir()
    const first = await startTestServer(dataDir, { COMPACT_EVERY: '7' })
    const token = await login(first, 'invest')
    const summaryId = await demoSummaryId(first, token)
    const writer = await open(first, summaryId, token)
    for (let index = 0; index < 50; index++) {
      writeParagraph(writer.doc, 'investment-channels', `渠道${index}`)
      if (index % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const observer = await open(first, summaryId, await login(first, 'leader'))
    await waitFor(() => sectionText(observer.doc, 'investment-channels').includes('渠道49'))
    await first.close()
    const second = await startTestServer(dataDir)
    const reader = await open(second, summaryId, await login(second, 'leader'))
    expect(sectionText(reader.doc, 'investment-channels')).toBe(sectionText(writer.doc, 'investment-channels'))
    await second.close()
  })
})
