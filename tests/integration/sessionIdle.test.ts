import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, connect, demoSummaryId, login, startTestServer, synced, waitFor, writeParagraph } from './harness.js'

// 登录超时 of two seconds, checked by the heartbeat every 200 ms.
let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  server = await startTestServer(undefined, { SESSION_IDLE_SECONDS: '2', HEARTBEAT_MS: '200' })
  summaryId = await demoSummaryId(server, await login(server, 'admin'))
})

afterAll(async () => {
  await server.close()
})

describe('登录超时', () => {
  it('ends a session left idle, with a message saying so, and keeps one in use', async () => {
    const idle = await login(server, 'leader')
    const busy = await login(server, 'office')
    for (let second = 0; second < 6; second++) {
      await sleep(500)
      expect((await api(server, '/api/me', { token: busy })).status).toBe(200)
    }
    const ended = await api<{ error: { code: string; message: string } }>(server, '/api/me', { token: idle })
    expect(ended.status).toBe(401)
    expect(ended.body.error).toEqual({ code: 'session-idle', message: '长时间未操作，已自动退出，请重新登录' })
    // Ended for good: it does not come back.
    expect((await api(server, '/api/me', { token: idle })).status).toBe(401)
  })

  it('counts typing as activity, and closes the connection of someone who only has the page open', async () => {
    const writerToken = await login(server, 'invest')
    const readerToken = await login(server, 'viewer')
    const writer = connect(server, summaryId, writerToken)
    const reader = connect(server, summaryId, readerToken)
    await Promise.all([synced(writer), synced(reader)])
    for (let tick = 0; tick < 12; tick++) {
      await sleep(300)
      writeParagraph(writer.doc, 'investment-channels', `第${tick}段。`)
    }
    await waitFor(() => reader.closes.some((close) => close.code === 4401), 5000, 'the idle reader closed with 4401')
    expect(writer.closes).toEqual([])
    expect((await api(server, '/api/me', { token: writerToken })).status).toBe(200)
    writer.destroy()
    reader.destroy()
  })
})
