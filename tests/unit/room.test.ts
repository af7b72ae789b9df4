import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Room, type Peer } from '../../server/collab/room.js'
import { CompactionLane } from '../../server/collab/compactionLane.js'
import { Turn } from '../../server/collab/turn.js'
import { openStore, type Store } from '../../server/store/index.js'

const stores: Store[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
})

/** A peer that records what the room sends it, and which messages left in one send (one socket write). */
const recorder = (): Peer & { messages: Uint8Array[]; sends: Uint8Array[][] } => {
  const messages: Uint8Array[] = []
  const sends: Uint8Array[][] = []
  return { messages, sends, send: (...sent) => (sends.push(sent), messages.push(...sent)) }
}

/** The y-protocols message type of each message: 0 sync, 1 awareness. */
const typesOf = (messages: Uint8Array[]) => messages.map((message) => message[0])

const setup = (compactEvery = 1000) => {
  const store = openStore(mkdtempSync(join(tmpdir(), 'huizong-room-')))
  stores.push(store)
  store.db.prepare("INSERT INTO summaries (id, title, year, organisation, template_id, created_at) VALUES ('s1', 't', 2026, 'o', 'x', 0)").run()
  const appends: number[] = []
  const log = { ...store.updates, append: (summaryId: string, records: Parameters<Store['updates']['append']>[1]) => (appends.push(records.length), store.updates.append(summaryId, records)) }
  const room = new Room(new Y.Doc(), { summaryId: 's1', log, lastSeq: 0, compactEvery, compactBytes: 1 << 20, maxBatchBytes: 1 << 20, turn: new Turn(), compactions: new CompactionLane(0), onIdle: () => {} })
  return { store, room, appends }
}

const clientUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getXmlFragment('section:a').insert(0, [new Y.XmlText(text)])
  return Y.encodeStateAsUpdate(doc)
}

const updatesIn = (messages: Uint8Array[]): Uint8Array[] =>
  messages.map((message) => {
    const decoder = decoding.createDecoder(message)
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2])
    return decoding.readVarUint8Array(decoder)
  })

/** The states an awareness message carries. */
const awarenessStatesIn = (message: Uint8Array): unknown[] => {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(1)
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  return Array.from({ length: decoding.readVarUint(update) }, () => {
    decoding.readVarUint(update) // client id
    decoding.readVarUint(update) // clock
    return JSON.parse(decoding.readVarString(update)) as unknown
  })
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
/** Resolves once everything applied to the room so far is committed and sent. */
const committed = (room: Room) => new Promise<void>((resolve) => room.whenCommitted(resolve))

/** A writer and a colleague watching, both peers of `room`. */
const writerAndWatcher = (room: Room) => {
  const writer = recorder()
  const watcher = recorder()
  room.addPeer(writer)
  room.addPeer(watcher)
  return { writer, watcher }
}

/** Makes the room's appends wait for a gate each, like a remote database's commits; returns the gates. */
const gateAppends = (room: Room, store: Store): Array<() => void> => {
  const gates: Array<() => void> = []
  const append = store.updates.append
  ;(room as unknown as { options: { log: { append: typeof append } } }).options.log.append = (summaryId, records) =>
    new Promise((resolve, reject) => gates.push(() => void append(summaryId, records).then(resolve, reject)))
  return gates
}

/** Sends `typist`'s awareness state to the room as `peer` does. */
const publish = (room: Room, typist: awarenessProtocol.Awareness, peer: Peer) =>
  awarenessProtocol.applyAwarenessUpdate(room.awareness, awarenessProtocol.encodeAwarenessUpdate(typist, [typist.clientID]), peer)

describe('room hot path', () => {
  it('commits a burst of one turn in one transaction and sends every peer one merged message', async () => {
    const { room, appends, store } = setup()
    const writers = [recorder(), recorder(), recorder()]
    const watcher = recorder()
    for (const peer of [...writers, watcher]) room.addPeer(peer)
    writers.forEach((writer, index) => room.applyClientUpdate(clientUpdate(`第${index}段`), writer, `user-${index}`, ['section:a']))
    expect(watcher.messages).toHaveLength(0) // nothing leaves before the commit
    await committed(room)
    expect(appends).toEqual([3])
    expect((await store.updates.load('s1')).updates).toHaveLength(3)
    for (const peer of [...writers, watcher]) expect(peer.messages).toHaveLength(1)
    expect(watcher.messages[0]).toBe(writers[0]!.messages[0]) // encoded once, the same bytes for everyone
    const replica = new Y.Doc()
    for (const update of updatesIn(watcher.messages)) Y.applyUpdate(replica, update)
    expect(replica.getXmlFragment('section:a').length).toBe(3)
  })

  it('does not echo a batch back to its only author', async () => {
    const { room } = setup()
    const { writer, watcher } = writerAndWatcher(room)
    room.applyClientUpdate(clientUpdate('独自'), writer, 'u', ['section:a'])
    await committed(room)
    expect([writer.messages.length, watcher.messages.length]).toEqual([0, 1])
  })

  it("sends a turn's carets with that turn's text, in one write after it, and carets alone at once", async () => {
    const { room } = setup()
    const { writer, watcher } = writerAndWatcher(room)
    // What a Tiptap editor sends for one keystroke: the text, then the caret that points into it.
    const typist = new awarenessProtocol.Awareness(new Y.Doc())
    typist.setLocalState({ cursor: null, typing: true })
    room.applyClientUpdate(clientUpdate('键'), writer, 'u', ['section:a'])
    publish(room, typist, writer)
    expect(watcher.messages).toHaveLength(0)
    await committed(room)
    expect(watcher.sends.map(typesOf)).toEqual([[0, 1]])
    expect(writer.sends.map(typesOf)).toEqual([[1]]) // its own text is not echoed, its caret is

    typist.setLocalStateField('cursor', null) // a caret move without typing
    typist.setLocalStateField('typing', false)
    publish(room, typist, writer)
    await nextTurn()
    expect(watcher.sends.map(typesOf)).toEqual([[0, 1], [1]])
    typist.destroy()
    room.destroy()
  })

  it('holds a caret back until the text typed before it is committed, on a store that commits asynchronously', async () => {
    const { room, store } = setup()
    const gates = gateAppends(room, store)
    const { writer, watcher } = writerAndWatcher(room)
    const typist = new awarenessProtocol.Awareness(new Y.Doc())
    const caret = (position: number) => {
      typist.setLocalStateField('cursor', position)
      publish(room, typist, writer)
    }
    room.applyClientUpdate(clientUpdate('甲'), writer, 'u', ['section:a'])
    await nextTurn() // 甲's commit is in flight
    caret(1) // points after 甲: due with 甲's batch
    await nextTurn()
    room.applyClientUpdate(clientUpdate('乙'), writer, 'u', ['section:a'])
    caret(2) // points after 乙: due with the next batch
    await nextTurn()
    expect(watcher.sends).toEqual([])
    gates.shift()!()
    while (watcher.sends.length === 0) await nextTurn()
    expect(watcher.sends.map(typesOf)).toEqual([[0, 1]])
    while (gates.length === 0) await nextTurn()
    gates.shift()!()
    await committed(room)
    expect(watcher.sends.map(typesOf)).toEqual([[0, 1], [0, 1]])
    typist.destroy()
    room.destroy()
  })

  it('keeps a failed commit in memory, sends no text but the notice that nothing is saved, and commits it on retry', async () => {
    const { room, store } = setup()
    const watcher = recorder()
    room.addPeer(watcher)
    const append = store.updates.append
    let failures = 1
    ;(room as unknown as { options: { log: { append: typeof append } } }).options.log.append = (...args) => {
      if (failures-- > 0) throw new Error('disk full')
      return append(...args)
    }
    room.applyClientUpdate(clientUpdate('坚持'), recorder(), 'u', ['section:a'])
    await nextTurn()
    expect(typesOf(watcher.messages)).toEqual([1])
    expect(awarenessStatesIn(watcher.messages[0]!)).toEqual([{ saving: { failing: true, since: expect.any(Number) } }])
    expect(room.busy).toBe(true)
    await committed(room) // the retry, a second later
    expect(updatesIn(watcher.messages.filter((message) => message[0] === 0))).toHaveLength(1)
    await nextTurn()
    expect(awarenessStatesIn(watcher.messages.at(-1)!)).toEqual([null]) // the notice withdrawn
    expect((await store.updates.load('s1')).updates).toHaveLength(1)
    room.destroy()
  })

  it('reports a moment with nothing pending only after what is applied has been committed', async () => {
    const { room } = setup()
    const order: string[] = []
    room.applyClientUpdate(clientUpdate('先提交'), recorder(), 'u', ['section:a'])
    room.whenCommitted(() => order.push('answered'))
    expect(order).toEqual([])
    await committed(room)
    expect(order).toEqual(['answered'])
  })

  it('compacts into a snapshot after the threshold without losing an update', async () => {
    const { room, store } = setup(3)
    for (let index = 0; index < 7; index++) {
      room.applyClientUpdate(clientUpdate(`段${index}`), recorder(), 'u', ['section:a'])
      await committed(room)
    }
    // Compaction follows the commit that crossed the threshold, in its own turn.
    let stored = await store.updates.load('s1')
    for (let waited = 0; stored.snapshot === null && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      stored = await store.updates.load('s1')
    }
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates.length).toBeLessThan(3)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(replica, update)
    expect(replica.getXmlFragment('section:a').length).toBe(7)
  })

  it('tells an API call its change is durable while later changes still keep the room busy', async () => {
    const { room, store } = setup()
    const gates = gateAppends(room, store)
    const order: string[] = []
    room.transactServer((doc) => doc.getMap('meta').set('title', '改过的标题'))
    room.whenDurable(() => order.push('title durable'))
    await nextTurn() // the title's commit is in flight
    room.applyClientUpdate(clientUpdate('随后的输入'), recorder(), 'u', ['section:a'])
    room.whenCommitted(() => order.push('nothing pending'))
    gates.shift()!()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['title durable'])
    expect(room.busy).toBe(true)
    while (gates.length === 0) await nextTurn()
    gates.shift()!()
    await committed(room)
    expect(order).toEqual(['title durable', 'nothing pending'])
  })

  it('answers every joiner that has nothing with the current state, after every kind of change', async () => {
    const { room } = setup()
    const empty = Y.encodeStateVector(new Y.Doc())
    const stateOf = (answer: Uint8Array) => {
      const decoder = decoding.createDecoder(answer)
      expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 1])
      const joiner = new Y.Doc()
      Y.applyUpdate(joiner, decoding.readVarUint8Array(decoder))
      return joiner.getXmlFragment('section:a').toString()
    }
    room.applyClientUpdate(clientUpdate('第一段'), recorder(), 'u', ['section:a'])
    const first = room.syncAnswer(empty)
    const second = room.syncAnswer(empty)
    expect(second).not.toBe(first) // a single reader leaves no copy behind
    expect(room.syncAnswer(empty)).toBe(second) // from the second of a burst on, joiners share one encoding
    expect(stateOf(second)).toContain('第一段')

    room.applyClientUpdate(clientUpdate('第二段'), recorder(), 'u', ['section:a'])
    expect(stateOf(room.syncAnswer(empty))).toContain('第二段')
    room.transactServer((doc) => doc.getXmlFragment('section:a').delete(0, 1)) // a deletion changes no state vector
    expect(stateOf(room.syncAnswer(empty)).match(/段/g)).toHaveLength(1)
    const partial = Y.encodeStateVector(room.doc)
    expect(room.syncAnswer(partial)).not.toBe(room.syncAnswer(partial)) // others get their own difference
    await committed(room)
    room.destroy()
  })
})
