/**
 * Lightweight protocol clients for load: a Writer owns a Y.Doc and types one character per
 * keystroke into a section, remembering when each clock was sent; a Receiver is a raw socket
 * that reads only update metadata to count deliveries and fan-out latency.
 */
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { encodeUpdateMessage } from '../../server/collab/protocol.js'

export const sendTimes = new Map<number, number[]>()

export class Writer {
  readonly doc = new Y.Doc()
  private text: Y.XmlText | null = null
  private socket: WebSocket

  constructor(url: string, private readonly sectionRoot: string) {
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    const times: number[] = []
    sendTimes.set(this.doc.clientID, times)
    this.doc.on('update', (update: Uint8Array) => {
      const now = performance.now()
      const before = times.length
      const after = Y.getState(this.doc.store, this.doc.clientID)
      for (let clock = before; clock < after; clock++) times[clock] = now
      if (this.socket.readyState === WebSocket.OPEN) this.socket.send(encodeUpdateMessage(update))
    })
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
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
  }

  get clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID)
  }

  close(): void {
    this.socket.close()
  }
}

export class Receiver {
  readonly latencies: number[] = []
  readonly seen = new Map<number, number>()
  messages = 0
  closedWith: number | null = null
  private socket: WebSocket

  constructor(url: string) {
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    this.socket.on('message', (data: Buffer) => this.handle(data))
    this.socket.on('close', (code) => (this.closedWith = code))
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
  }

  private handle(data: Buffer): void {
    if (data[0] !== 0) return
    const decoder = decoding.createDecoder(data)
    decoding.readVarUint(decoder)
    const step = decoding.readVarUint(decoder)
    if (step !== 2) return
    this.messages++
    const now = performance.now()
    const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder))
    for (const [client, to] of meta.to) {
      const times = sendTimes.get(client)
      if (!times) continue
      const from = Math.max(this.seen.get(client) ?? 0, meta.from.get(client) ?? 0)
      for (let clock = from; clock < to; clock++) if (times[clock] !== undefined) this.latencies.push(now - times[clock]!)
      if (to > (this.seen.get(client) ?? 0)) this.seen.set(client, to)
    }
  }

  close(): void {
    this.socket.close()
  }
}
