import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { connect, demoSummaryId, login, sectionText, startTestServer, synced, waitFor, writeParagraph, type TestClient } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let summaryId: string
const tokens: Record<string, string> = {}
const clients: TestClient[] = []

const open = async (username: string): Promise<TestClient> => {
  const client = connect(server, summaryId, tokens[username]!)
  clients.push(client)
  await synced(client)
  return client
}

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['admin', 'invest', 'invest2', 'safety', 'leader']) tokens[username] = await login(server, username)
  summaryId = await demoSummaryId(server, tokens.admin!)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.close()
})

describe('co-editing over the stock y-websocket provider', () => {
  it('lets two writers of one department converge in their section', async () => {
    const first = await open('invest')
    const second = await open('invest2')
    writeParagraph(first.doc, 'investment', '全年新签工业项目18个')
    writeParagraph(second.doc, 'investment', '协议资金5.2亿元')
    await waitFor(() => sectionText(first.doc, 'investment') === sectionText(second.doc, 'investment') && sectionText(first.doc, 'investment').includes('协议资金'))
    expect(sectionText(first.doc, 'investment')).toContain('全年新签工业项目18个')
  })

  it('refuses an edit to another department’s section with 4403 and never relays it', async () => {
    const observer = await open('invest')
    const intruder = await open('safety')
    writeParagraph(intruder.doc, 'investment', '越权写入的内容')
    await waitFor(() => intruder.closes.some((close) => close.code === 4403), 5000, '4403')
    expect(intruder.denied.length).toBeGreaterThan(0)
    writeParagraph(observer.doc, 'investment', '之后的正常修改')
    const late = await open('leader')
    await waitFor(() => sectionText(late.doc, 'investment').includes('之后的正常修改'))
    expect(sectionText(late.doc, 'investment')).not.toContain('越权写入的内容')
    expect(sectionText(observer.doc, 'investment')).not.toContain('越权写入的内容')
  })

  it('keeps a writer connected who typed offline into a paragraph a colleague deleted', async () => {
    const first = await open('invest')
    const second = await open('invest2')
    writeParagraph(first.doc, 'investment-channels', '将被删除的段落')
    await waitFor(() => sectionText(second.doc, 'investment-channels').includes('将被删除的段落'))
    second.provider.disconnect()
    const fragment = first.doc.getXmlFragment('section:investment-channels')
    first.doc.transact(() => fragment.delete(fragment.length - 1, 1))
    const paragraph = second.doc.getXmlFragment('section:investment-channels').toArray().at(-1) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert(2, '离线输入')
    await new Promise((resolve) => setTimeout(resolve, 100))
    second.provider.connect()
    await synced(second)
    writeParagraph(second.doc, 'investment-channels', '重连后继续写')
    await waitFor(() => sectionText(first.doc, 'investment-channels').includes('重连后继续写'), 5000, 'the later edit')
    expect(second.closes.filter((close) => close.code === 4403)).toEqual([])
    expect(sectionText(first.doc, 'investment-channels')).toBe(sectionText(second.doc, 'investment-channels'))
  })

  it('keeps what a writer typed offline and the moment it came back, before its sync answer', async () => {
    const writer = await open('invest')
    const reader = await open('invest2')
    writeParagraph(writer.doc, 'investment-channels', '断网前')
    await waitFor(() => sectionText(reader.doc, 'investment-channels').includes('断网前'))
    writer.provider.disconnect()
    const paragraph = () => (writer.doc.getXmlFragment('section:investment-channels').toArray().at(-1) as Y.XmlElement).get(0) as Y.XmlText
    paragraph().insert(paragraph().length, '断网时写的')
    // The stock provider sends this the moment its socket opens, before its answer to the
    // server's sync step 1 carries the offline text it builds on.
    const typeOnOpen = ({ status }: { status: string }) => {
      if (status !== 'connected') return
      writer.provider.off('status', typeOnOpen)
      paragraph().insert(paragraph().length, '刚连上就写的')
    }
    writer.provider.on('status', typeOnOpen)
    writer.provider.connect()
    await waitFor(() => sectionText(reader.doc, 'investment-channels').includes('断网前断网时写的刚连上就写的'), 5000, 'offline and reconnect text')
    expect(writer.closes.filter((close) => close.code === 4403)).toEqual([])
    expect(writer.denied).toEqual([])
  })

  it('holds an update until the client sends what it builds on; refuses it if the sync answer does not, or if too much waits', async () => {
    const reader = await open('leader')
    const local = new Y.Doc()
    const fragment = local.getXmlFragment('section:investment-channels')
    const paragraph = new Y.XmlElement('paragraph')
    fragment.insert(0, [paragraph])
    const before = Y.encodeStateVector(local)
    paragraph.insert(0, [new Y.XmlText('后到的依赖')])
    const paragraphOnly = Y.encodeStateAsUpdate(local, new Uint8Array([0]))
    const textOnly = Y.encodeStateAsUpdate(local, before)
    const message = (step: number, update: Uint8Array) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, step)
      encoding.writeVarUint8Array(encoder, update)
      return encoding.toUint8Array(encoder)
    }
    const raw = async () => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${summaryId}?token=${tokens.invest}`)
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
      await new Promise((resolve) => socket.on('open', resolve))
      return { socket, closed }
    }

    // The text first (an update, step 2), then the paragraph it lives in (the sync answer, step 1).
    const honest = await raw()
    honest.socket.send(message(2, textOnly))
    honest.socket.send(message(1, paragraphOnly))
    await waitFor(() => sectionText(reader.doc, 'investment-channels').includes('后到的依赖'), 5000, 'the held text')
    // After its sync answer a client has sent all it had: what builds on unknown structs now is refused at once.
    const stray = new Y.Doc()
    const strayParent = new Y.XmlElement('paragraph')
    stray.getXmlFragment('section:investment-channels').insert(0, [strayParent])
    const strayBefore = Y.encodeStateVector(stray)
    strayParent.insert(0, [new Y.XmlText('来历不明')])
    honest.socket.send(message(2, Y.encodeStateAsUpdate(stray, strayBefore)))
    expect(await honest.closed).toBe(4403)

    // A sync answer without the paragraph: the held text can never be placed.
    const local2 = new Y.Doc()
    const orphanParent = new Y.XmlElement('paragraph')
    local2.getXmlFragment('section:investment-channels').insert(0, [orphanParent])
    const sv = Y.encodeStateVector(local2)
    orphanParent.insert(0, [new Y.XmlText('无处安放')])
    const orphan = await raw()
    orphan.socket.send(message(2, Y.encodeStateAsUpdate(local2, sv)))
    orphan.socket.send(message(1, Y.encodeStateAsUpdate(new Y.Doc())))
    expect(await orphan.closed).toBe(4403)
    expect(sectionText(reader.doc, 'investment-channels')).not.toContain('无处安放')

    // Without any sync answer, at most 100 updates are held.
    const local3 = new Y.Doc()
    const neverSent = new Y.XmlElement('paragraph')
    local3.getXmlFragment('section:investment-channels').insert(0, [neverSent])
    const text = new Y.XmlText()
    neverSent.insert(0, [text])
    const keystrokes: Uint8Array[] = []
    local3.on('update', (update: Uint8Array) => keystrokes.push(update))
    for (let index = 0; index < 101; index++) text.insert(index, '字')
    const flood = await raw()
    for (const keystroke of keystrokes) flood.socket.send(message(2, keystroke))
    expect(await flood.closed).toBe(4403)
  })

  it('syncs a client that joins while others keep typing fast', async () => {
    const writers = await Promise.all(['invest', 'invest2', 'safety'].map(open))
    let typing = true
    const loop = (async () => {
      for (let line = 0; typing; line++) {
        writers.forEach((writer, index) => writeParagraph(writer.doc, index === 2 ? 'safety' : 'plan-investment', `快速输入${line}`))
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const joiner = connect(server, summaryId, tokens.leader!)
    clients.push(joiner)
    try {
      await waitFor(() => joiner.provider.synced, 10_000, 'the joiner to sync while typing goes on')
    } finally {
      typing = false
      await loop
    }
  })

  it('refuses any write by a leader, whose view is read-only', async () => {
    const leader = await open('leader')
    writeParagraph(leader.doc, 'overview', '领导不能直接改正文')
    await waitFor(() => leader.closes.some((close) => close.code === 4403), 5000, '4403')
  })

  it('refuses writes to server-only roots', async () => {
    const admin = await open('admin')
    admin.doc.getMap('meta').set('title', '篡改的标题')
    await waitFor(() => admin.closes.some((close) => close.code === 4403), 5000, '4403')
    const check = await open('leader')
    expect(check.doc.getMap('meta').get('title')).not.toBe('篡改的标题')
  })

  it('closes with 4401 on bad credentials', async () => {
    const client = connect(server, summaryId, 'not-a-token')
    clients.push(client)
    await waitFor(() => client.closes.length > 0, 5000, 'close')
    expect(client.closes[0]!.code).toBe(4401)
  })

  it('closes with 4403 for an unknown summary, as for any summary the user may not open', async () => {
    const client = connect(server, 'no-such-summary', tokens.admin!)
    clients.push(client)
    await waitFor(() => client.closes.length > 0, 5000, 'close')
    expect(client.closes[0]).toEqual({ code: 4403, reason: 'unknown-summary' })
  })

  it('closes only the faulty connection on malformed and oversized frames', async () => {
    const bystander = await open('invest')
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${summaryId}?token=${tokens.invest}`)
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)))
    await new Promise((resolve) => raw.on('open', resolve))
    raw.send(new Uint8Array([0, 2, 250, 250, 250, 1]))
    expect(await closed).toBe(4400)

    const text = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${summaryId}?token=${tokens.invest}`)
    const textClosed = new Promise<number>((resolve) => text.on('close', (code) => resolve(code)))
    await new Promise((resolve) => text.on('open', resolve))
    text.send('hello')
    expect(await textClosed).toBe(4400)

    writeParagraph(bystander.doc, 'investment', '服务仍然正常')
    const check = await open('leader')
    await waitFor(() => sectionText(check.doc, 'investment').includes('服务仍然正常'))
  })

  it('stamps the server-known identity on awareness states', async () => {
    const writer = await open('invest')
    const watcher = await open('leader')
    writer.provider.awareness.setLocalStateField('user', { name: '冒充的人', id: 'someone-else' })
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((state) => (state.user as { username?: string } | undefined)?.username === 'invest'))
    const names = [...watcher.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name)
    expect(names).not.toContain('冒充的人')
    expect(names).toContain('张招商')
  })

  it('relays carets as clients send them, and a malformed caret as none, keeping the connection', async () => {
    const writer = await open('invest')
    const watcher = await open('leader')
    // y-tiptap publishes RelativePosition objects as they are (JSON with null fields), others use
    // relativePositionToJSON (fields left out): both are carets and both must reach colleagues.
    const fragment = writer.doc.getXmlFragment('section:investment')
    const asTiptapSends = Y.createRelativePositionFromTypeIndex(fragment, 0)
    writer.provider.awareness.setLocalStateField('cursor', { anchor: asTiptapSends, head: asTiptapSends })
    await waitFor(() => (watcher.provider.awareness.getStates().get(writer.doc.clientID)?.cursor as unknown) !== undefined)
    const compact = Y.relativePositionToJSON(asTiptapSends)
    writer.provider.awareness.setLocalStateField('cursor', { anchor: compact, head: compact })
    const caretSeen = () => JSON.stringify(watcher.provider.awareness.getStates().get(writer.doc.clientID)?.cursor)
    await waitFor(() => caretSeen() === JSON.stringify({ anchor: compact, head: compact }))

    // A caret colleagues' caret plugins could not parse reaches them as null; the rest of the
    // state arrives as sent and the writer is not cut off.
    writer.provider.awareness.setLocalState({ cursor: { anchor: { item: 'garbage', type: 42 }, head: null }, typing: true })
    const seen = () => watcher.provider.awareness.getStates().get(writer.doc.clientID)
    await waitFor(() => seen()?.typing === true)
    expect(seen()?.cursor).toBeNull()
    expect((seen()?.user as { username?: string } | undefined)?.username).toBe('invest')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(writer.closes).toEqual([])
    expect(writer.provider.wsconnected).toBe(true)
  })

  it('delivers each caret with the text it points into, never before it', async () => {
    const writer = await open('invest')
    const watcher = await open('leader')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText('')
    paragraph.insert(0, [text])
    const fragment = writer.doc.getXmlFragment('section:investment')
    fragment.insert(fragment.length, [paragraph])
    await waitFor(() => sectionText(watcher.doc, 'investment') === sectionText(writer.doc, 'investment'))
    const unresolved: string[] = []
    watcher.provider.awareness.on('change', () => {
      const cursor = watcher.provider.awareness.getStates().get(writer.doc.clientID)?.cursor as { head?: unknown } | null | undefined
      if (!cursor?.head) return
      if (Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), watcher.doc) === null) unresolved.push(JSON.stringify(cursor.head))
    })
    // As a Tiptap editor types: each keystroke's update, then at once the caret after it.
    const typed = '项目服务专班全程代办'
    for (const character of typed) {
      text.insert(text.length, character)
      const caret = Y.createRelativePositionFromTypeIndex(text, text.length, -1)
      writer.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => sectionText(watcher.doc, 'investment').includes(typed))
    await waitFor(() => {
      const head = (watcher.provider.awareness.getStates().get(writer.doc.clientID)?.cursor as { head?: unknown } | undefined)?.head
      return head !== undefined && Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), watcher.doc)?.index === typed.length
    })
    expect(unresolved).toEqual([])
  })

  it('removes awareness states when a connection closes', async () => {
    const leaving = await open('invest2')
    const watcher = await open('leader')
    leaving.provider.awareness.setLocalStateField('cursor', null)
    const leavingId = leaving.doc.clientID
    await waitFor(() => watcher.provider.awareness.getStates().has(leavingId))
    leaving.destroy()
    await waitFor(() => !watcher.provider.awareness.getStates().has(leavingId), 5000, 'awareness removal')
  })

  it('keeps documents consistent with the server after a burst from several writers', async () => {
    const writers = await Promise.all(['invest', 'invest2', 'admin'].map(open))
    writers.forEach((writer, index) => {
      for (let line = 0; line < 20; line++) writeParagraph(writer.doc, 'investment-service', `第${index}位第${line}行`)
    })
    const reader = await open('leader')
    await waitFor(() => sectionText(reader.doc, 'investment-service').split('\n').length === 60, 8000, 'all 60 lines')
    const expected = Y.encodeStateVector(reader.doc)
    await waitFor(() => writers.every((writer) => Buffer.compare(Buffer.from(Y.encodeStateVector(writer.doc)), Buffer.from(expected)) === 0))
  })
})

describe('connection limits and origins', () => {
  it('closes an oversized message with 4400 and keeps serving the others', async () => {
    const small = await startTestServer(undefined, { MAX_MESSAGE_BYTES: '2000' })
    const token = await login(small, 'invest')
    const id = await demoSummaryId(small, token)
    const bystander = connect(small, id, token)
    clients.push(bystander)
    await synced(bystander)
    // Just over the limit, and far over it (where ws itself would stop reading): 4400 both times.
    for (const size of [3000, 50_000]) {
      const raw = new WebSocket(`${small.url.replace('http', 'ws')}/collab/${id}?token=${token}`)
      const closed = new Promise<[number, string]>((resolve) => raw.on('close', (code, reason) => resolve([code, reason.toString()])))
      await new Promise((resolve) => raw.on('open', resolve))
      raw.send(new Uint8Array(size))
      expect([size, ...(await closed)]).toEqual([size, 4400, 'message-too-big'])
    }
    writeParagraph(bystander.doc, 'plan-investment', '仍然可以保存')
    const check = connect(small, id, await login(small, 'leader'))
    clients.push(check)
    await waitFor(() => sectionText(check.doc, 'plan-investment').includes('仍然可以保存'))
    await small.close()
  })

  it('cuts off a client that stops reading instead of holding everything for it', async () => {
    const small = await startTestServer(undefined, { MAX_MESSAGE_BYTES: '2000' }) // at most 8 KB waits unread
    const token = await login(small, 'invest')
    const id = await demoSummaryId(small, token)
    const writer = connect(small, id, token)
    const check = connect(small, id, await login(small, 'leader'))
    clients.push(writer, check)
    await Promise.all([synced(writer), synced(check)])
    const stalled = new WebSocket(`${small.url.replace('http', 'ws')}/collab/${id}?token=${token}`)
    const closed = new Promise<number>((resolve) => stalled.on('close', (code) => resolve(code)))
    await new Promise((resolve) => stalled.on('open', resolve))
    const socket = (stalled as unknown as { _socket: { pause(): void; resume(): void } })._socket
    socket.pause() // reads nothing more: the kernel's buffers fill, then the server's
    const line = '招商引资'.repeat(120) // ≈1.4 KB per paragraph, under the message limit
    for (let round = 0; round < 40; round++) {
      for (let index = 0; index < 100; index++) writeParagraph(writer.doc, 'plan-investment', `${round}-${index}${line}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitFor(() => sectionText(check.doc, 'plan-investment').includes(`39-99${line}`), 20_000, 'everything at the reading client')
    // The server looks at what waits unread when it has the next message for a client. If the
    // burst went out in a few large batches (slow commits merge more), the last one may have
    // left the backlog behind: one more edit gives the server that next message.
    writeParagraph(writer.doc, 'plan-investment', 'one more')
    await waitFor(() => sectionText(check.doc, 'plan-investment').includes('one more'), 20_000, 'the last edit at the reading client')
    socket.resume()
    expect(await closed).toBe(1006) // cut off without a close frame, which would wait unread too
    await small.close()
  })

  it('drops a peer that answers no ping and keeps every peer that does', async () => {
    const beating = await startTestServer(undefined, { HEARTBEAT_MS: '200' })
    const token = await login(beating, 'invest')
    const id = await demoSummaryId(beating, token)
    const writer = connect(beating, id, token)
    const check = connect(beating, id, await login(beating, 'leader'))
    const silent = connect(beating, id, await login(beating, 'economy'))
    clients.push(writer, check, silent)
    await Promise.all([synced(writer), synced(check), synced(silent)])
    const silentId = silent.doc.clientID
    silent.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => check.provider.awareness.getStates().has(silentId), 5000, 'the silent peer present')
    ;(silent.provider.ws as unknown as { _socket: { pause(): void } })._socket.pause() // a closed laptop: reads nothing, answers no ping
    await waitFor(() => !check.provider.awareness.getStates().has(silentId), 5000, 'the silent peer dropped')
    // The others answered every ping meanwhile: still connected, and edits still flow.
    expect([...writer.closes, ...check.closes]).toEqual([])
    writeParagraph(writer.doc, 'plan-investment', '心跳之后')
    await waitFor(() => sectionText(check.doc, 'plan-investment').includes('心跳之后'), 5000, 'an edit after the heartbeat rounds')
    await beating.close()
  })

  it('accepts the session cookie only from its own origin', async () => {
    const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'invest', password: 'huizong2026' }) })
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    const url = `${server.url.replace('http', 'ws')}/collab/${summaryId}`
    const closeCode = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, { headers: { cookie, origin } })
        socket.on('close', (code) => resolve(code))
        socket.on('message', () => socket.close(1000))
      })
    expect(await closeCode('http://evil.example')).toBe(4401)
    expect(await closeCode(server.url)).toBe(1000)
  })
})
