import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { refuseStoring } from './refuseStoring.js'
import { createClientPool, createDataDir, demoSummaryId, login, savingTroubleOf, sectionText, spawnServer as spawn, startTestServer, waitFor, writeParagraph } from './harness.js'

const pool = createClientPool()
const open = pool.open
const children: ChildProcess[] = []

afterEach(() => {
  pool.destroyAll()
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const spawnServer = async (dataDir: string) => {
  const server = await spawn({ DATA_DIR: dataDir })
  children.push(server.child)
  return server
}

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

  it('saves and exits cleanly on SIGTERM even when nobody reads its log any more', async () => {
    const dataDir = createDataDir()
    const { url, child } = await spawnServer(dataDir)
    const summaryId = await demoSummaryId({ url }, await login({ url }, 'admin'))
    const writer = await open({ url }, summaryId, await login({ url }, 'invest'))
    writeParagraph(writer.doc, 'plan-investment', '日志读者走了也要保存')
    const reader = await open({ url }, summaryId, await login({ url }, 'leader'))
    await waitFor(() => sectionText(reader.doc, 'plan-investment').includes('日志读者走了也要保存'))
    // The log's reader goes away (a pipe to a logger that died): the next line meets EPIPE.
    child.stdout!.destroy()
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)

    const second = await startTestServer(dataDir)
    const check = await open(second, summaryId, await login(second, 'leader'))
    expect(sectionText(check.doc, 'plan-investment')).toContain('日志读者走了也要保存')
    await second.close()
  })

  it('shuts down while its writers keep reconnecting, and opens nothing anew meanwhile', async () => {
    const server = await startTestServer()
    const token = await login(server, 'invest')
    const summaryId = await demoSummaryId(server, token)
    const writer = await open(server, summaryId, token)
    // The store refuses the last edit, so the shutdown waits for it a few seconds: time enough
    // for the writer's provider, cut off at the start, to come back again and again.
    await refuseStoring(server)
    writeParagraph(writer.doc, 'plan-investment', '关机时还没保存的一段')
    await waitFor(() => savingTroubleOf(writer) !== null, 5000, 'the edit at the server, not saved')
    let stopped = false
    void server.close().then(() => (stopped = true))
    let reopened = false
    writer.provider.on('status', ({ status }: { status: string }) => void (status === 'connected' && (reopened = true)))
    await waitFor(() => stopped, 20_000, 'the server to stop')
    expect(reopened).toBe(false)
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
