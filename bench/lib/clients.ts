/**
 * Load clients. A Writer owns a Y.Doc and types one character per keystroke into a section,
 * remembering when each clock was sent, and (BENCH_CARETS, default on) publishes its caret after
 * each keystroke as a Tiptap editor's caret plugin does: an update and an awareness message per
 * keystroke. A Receiver is a raw socket that reads only update
 * metadata, counting deliveries and fan-out latency; a Seeder answers sync requests with a
 * prepared document (for the relay, which holds no state).
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Framing } from './framing.js'
import type { Target } from './servers.js'

/** Send times by client id and clock, shared by all receivers of a run. */
export const sendTimes = new Map<number, number[]>()
/** Keystrokes sent before `from` (performance.now()) are warm-up: their latencies are kept apart. */
export const measurement = { from: 0 }

const syncMessage = (step: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc())
const CARETS = process.env.BENCH_CARETS !== '0'
/**
 * BENCH_STOCK=1: writers behave as the stock y-websocket provider does: they sync the summary on
 * opening, apply what everyone else types, and send every awareness change they hear (their own
 * and everyone else's) back to the server.
 */
const STOCK = process.env.BENCH_STOCK === '1'
const REMOTE = 'remote'

abstract class Client {
  protected socket: WebSocket
  protected framing: Framing

  constructor(target: Target, protected room: string) {
    this.framing = target.framing
    this.socket = new WebSocket(target.url(room))
    this.socket.binaryType = 'nodebuffer'
    this.socket.on('open', () => {
      for (const message of this.framing.hello(room)) this.socket.send(message)
      this.onOpen()
    })
    this.socket.on('message', (data: Buffer) => this.onPayload(this.framing.unwrap(data)))
    this.socket.on('error', () => {})
  }

  opened(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
  }

  protected send(payload: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(this.framing.wrap(this.room, payload))
  }

  protected onOpen(): void {}
  protected abstract onPayload(payload: Uint8Array): void

  close(): void {
    this.socket.close()
  }
}

export class Writer extends Client {
  readonly doc = new Y.Doc()
  private readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private text: Y.XmlText | null = null

  constructor(target: Target, room: string, private readonly sectionRoot: string) {
    super(target, room)
    const times: number[] = []
    sendTimes.set(this.doc.clientID, times)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      const now = performance.now()
      for (let clock = times.length; clock < this.clock; clock++) times[clock] = now
      this.send(syncMessage(2, update))
    })
    this.awareness.setLocalState({ user: { name: 'bench', color: '#b22222' } })
    if (STOCK) {
      this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
        this.sendAwareness([...added, ...updated, ...removed])
      })
    }
  }

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
    this.send(encoding.toUint8Array(encoder))
  }

  protected onOpen(): void {
    if (!STOCK) return
    this.send(syncMessage(0, Y.encodeStateVector(this.doc)))
    this.sendAwareness([this.doc.clientID])
  }

  /** The caret after the last character typed, sent as y-tiptap sends it (RelativePosition objects). */
  private publishCaret(): void {
    const at = Y.createRelativePositionFromTypeIndex(this.text!, this.text!.length)
    this.awareness.setLocalStateField('cursor', { anchor: at, head: at })
    if (!STOCK) this.sendAwareness([this.doc.clientID]) // a stock writer's awareness handler sends it
  }

  protected onPayload(payload: Uint8Array): void {
    if (!STOCK) return
    const decoder = decoding.createDecoder(payload)
    const type = decoding.readVarUint(decoder)
    if (type === 1) return awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), REMOTE)
    if (type !== 0 && type !== 4) return
    const step = decoding.readVarUint(decoder)
    const data = decoding.readVarUint8Array(decoder)
    if (step === 0) this.send(syncMessage(1, Y.encodeStateAsUpdate(this.doc, data)))
    else Y.applyUpdate(this.doc, data, REMOTE)
  }

  type(): void {
    if (!this.text) {
      const paragraph = new Y.XmlElement('paragraph')
      this.text = new Y.XmlText('')
      paragraph.insert(0, [this.text])
      const fragment = this.doc.getXmlFragment(this.sectionRoot)
      fragment.insert(fragment.length, [paragraph])
      return
    }
    this.text.insert(this.text.length, 'x')
    if (CARETS) this.publishCaret()
  }

  close(): void {
    this.awareness.destroy()
    super.close()
  }

  get clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID)
  }
}

export class Receiver extends Client {
  readonly latencies: number[] = []
  readonly warmupLatencies: number[] = []
  readonly seen = new Map<number, number>()
  /** Update messages received (several keystrokes may arrive merged in one). */
  messages = 0
  syncedAt: number | null = null
  private readonly startedAt = performance.now()

  protected onOpen(): void {
    this.send(syncMessage(0, EMPTY_STATE_VECTOR))
  }

  /** Milliseconds from creation until the first full state arrived. */
  get syncTime(): number | null {
    return this.syncedAt === null ? null : this.syncedAt - this.startedAt
  }

  protected onPayload(payload: Uint8Array): void {
    const decoder = decoding.createDecoder(payload)
    const type = decoding.readVarUint(decoder)
    if (type !== 0 && type !== 4) return
    const step = decoding.readVarUint(decoder)
    if (step === 0) return
    const update = decoding.readVarUint8Array(decoder)
    const now = performance.now()
    if (step === 1 && this.syncedAt === null) this.syncedAt = now
    if (step === 2 && now >= measurement.from) this.messages += 1
    const meta = Y.parseUpdateMeta(update)
    for (const [client, to] of meta.to) {
      const previous = this.seen.get(client) ?? 0
      const times = step === 2 ? sendTimes.get(client) : undefined
      if (times) {
        for (let clock = Math.max(previous, meta.from.get(client) ?? 0); clock < to; clock++) {
          const sent = times[clock]
          if (sent !== undefined) (sent >= measurement.from ? this.latencies : this.warmupLatencies).push(now - sent)
        }
      }
      if (to > previous) this.seen.set(client, to)
    }
  }
}

/** Holds a prepared document and answers every sync request with it (relay only). */
export class Seeder extends Client {
  private readonly answer: Uint8Array

  constructor(target: Target, room: string, state: Uint8Array) {
    super(target, room)
    this.answer = syncMessage(1, state)
  }

  /** Uploads the whole state, as a client that wrote it offline would. */
  upload(state: Uint8Array): void {
    this.send(syncMessage(2, state))
  }

  protected onPayload(payload: Uint8Array): void {
    if (payload[0] === 0 && payload[1] === 0) this.send(this.answer)
  }
}

/** A 200 KB section text, written as one update into `section:<id>`. */
export const largeDocument = (sectionRoot: string, bytes = 200 * 1024): Uint8Array => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(sectionRoot)
  const sentence = '全年新签工业项目二十个，协议资金四点八亿元，园区全年创税一千零二万元，同比增长百分之十五。'
  const paragraphs = Math.ceil(bytes / Buffer.byteLength(sentence.repeat(4)))
  for (let index = 0; index < paragraphs; index++) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(sentence.repeat(4))])
    fragment.insert(fragment.length, [paragraph])
  }
  return Y.encodeStateAsUpdate(doc)
}
