/**
 * One websocket in one summary: dispatches y-websocket messages, runs every update through the
 * guard, and stamps the user's server-known identity on their awareness states. Any protocol
 * fault closes only this connection (4400); a forbidden update is answered with the auth
 * message `permission-denied` and close 4403, and nothing of it is applied.
 */
import type { Socket } from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { CLOSE_FORBIDDEN, CLOSE_MALFORMED, CLOSE_TOO_BIG, type CloseCode } from '../../shared/closeCodes.js'
import { parseSectionRoot } from '../../shared/doc/roots.js'
import { canWriteSection } from '../../shared/roles.js'
import type { User } from '../store/directory.js'
import { withSafeCaret } from './awarenessState.js'
import { frameOf, LARGE_MESSAGE_BYTES } from './frames.js'
import { checkUpdate } from './guard.js'
import {
  encodeAwarenessStates,
  encodePermissionDenied,
  encodeSyncStep1,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from './protocol.js'
import { OTHER_PROCESS, type Peer, type Room } from './room.js'

export interface Identity {
  id: string
  username: string
  name: string
  role: string
  departmentId: string | null
  departmentName: string
  color: string
}

class ProtocolFault extends Error {}

/** The TCP socket under a ws connection, as far as send() uses it. */
type RawSocket = Pick<Socket, 'write' | 'writableLength' | 'cork' | 'uncork'>

/** How much may wait unread for one client, in maximum messages (MAX_MESSAGE_BYTES). */
const UNREAD_LIMIT_IN_MESSAGES = 4
/** How long an update may wait for this client to send the structs it builds on (see holdBack). */
const HOLD_MS = 60_000
/**
 * How much may be held: keystrokes typed while a sync answer is on its way are a few hundred
 * bytes. Each later message is checked merged with all of it, so this bounds that work too.
 */
const HOLD_MAX_BYTES = 1024 * 1024
const HOLD_MAX_UPDATES = 100

export class Connection implements Peer {
  private closed = false
  /** Messages held while this connection waits for the room to catch up (in order). */
  private backlog: Uint8Array[] | null = null
  /** Updates of this client that build on structs it has not sent yet (see holdBack). */
  private held: { updates: Uint8Array[]; bytes: number; timer: NodeJS.Timeout } | null = null
  /** The client has sent its sync answer: everything it had that the server lacked. */
  private syncAnswered = false

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly user: User,
    private readonly identity: Identity,
    private readonly maxMessageBytes: number,
    /** The writer did something (an edit the guard let through): their session stays alive. */
    private readonly onActivity: () => void = () => undefined,
  ) {
    room.addPeer(this)
    this.send(encodeSyncStep1(room.doc))
    const states = [...room.awareness.getStates().keys()]
    if (states.length > 0) this.send(encodeAwarenessStates(room.awareness, states))
  }

  /**
   * Writes the messages' frames straight to the TCP socket: one write of bytes framed once for
   * all peers, instead of ws framing it again per peer and writing header and payload apart.
   * Safe because nothing is ever queued in ws's sender here (no compression, no Blobs), so the
   * order with ws's own frames (pings, close) is kept. A failed socket reports through its close.
   */
  send(...messages: Uint8Array[]): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    // A client that stops reading would make the server hold everything for it in memory. It is
    // cut off instead (a close frame would wait unread too); the provider reconnects by itself
    // and catches up with one sync, and its own unsent changes are part of that sync.
    const raw = this.rawSocket
    if (raw.writableLength > this.maxMessageBytes * UNREAD_LIMIT_IN_MESSAGES) {
      console.warn(`[collab] ${this.user.username} is not reading (${raw.writableLength} bytes waiting), disconnecting`)
      this.handleClose()
      this.socket.terminate()
      return
    }
    // Several messages leave in one write (corked: one writev).
    if (messages.length > 1) raw.cork()
    for (const message of messages) {
      // A large message (a joiner's full state) goes to one peer: no copy into a frame for it.
      if (message.byteLength > LARGE_MESSAGE_BYTES) this.socket.send(message)
      else raw.write(frameOf(message))
    }
    if (messages.length > 1) raw.uncork()
  }

  private get rawSocket(): RawSocket {
    return (this.socket as unknown as { _socket: RawSocket })._socket
  }

  close({ code, reason }: CloseCode): void {
    if (this.closed) return
    this.handleClose()
    this.socket.close(code, reason)
  }

  /** Called when the socket closed, from either side. */
  handleClose(): void {
    if (this.closed) return
    this.closed = true
    if (this.held) clearTimeout(this.held.timer)
    this.held = null
    this.room.removePeer(this)
  }

  handleMessage(data: Uint8Array): void {
    if (this.closed) return
    if (this.backlog) return void this.backlog.push(data)
    if (data.byteLength > this.maxMessageBytes) {
      console.warn(`[collab] ${this.user.username}: message of ${data.byteLength} bytes over the limit, closing`)
      return this.close(CLOSE_TOO_BIG)
    }
    try {
      this.dispatch(decoding.createDecoder(data))
    } catch (error) {
      console.warn(`[collab] ${this.user.username}: malformed message, closing`, error instanceof Error ? error.message : error)
      this.close(CLOSE_MALFORMED)
    }
  }

  private dispatch(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(decoder)
      case MESSAGE_AWARENESS:
        return this.handleAwareness(decoding.readVarUint8Array(decoder))
      case MESSAGE_QUERY_AWARENESS:
        return this.send(encodeAwarenessStates(this.room.awareness, [...this.room.awareness.getStates().keys()]))
      case MESSAGE_AUTH:
        return // clients have nothing to say in the auth sub-protocol
      default:
        throw new ProtocolFault(`unknown message type ${type}`)
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (step === 0) {
      // The state as it is now, sent once all of it is committed. Waiting for a moment with
      // nothing pending instead starved a joiner while others kept typing on PostgreSQL; what is
      // applied later reaches this peer as broadcasts, after their own commits.
      const answer = this.room.syncAnswer(payload)
      this.room.whenDurable(() => this.send(answer))
      return
    }
    if (step !== 1 && step !== 2) throw new ProtocolFault(`unknown sync step ${step}`)
    // Step 1 here is the client's sync step 2: everything it has that the server lacks.
    if (step === 1) this.syncAnswered = true
    this.applyChecked(payload, this.room.sharedWithOthers)
  }

  /**
   * Guards and applies an update, together with any this client sent earlier that waited for
   * it. An update depending on unknown structs is not refused at once: with several processes
   * this one may lag behind what the client has seen elsewhere, so the room first catches up
   * from the store (holding later messages); and a client may send what it types the moment it
   * reconnects before its sync answer carries what it typed offline (holdBack). Once the
   * client's sync answer has arrived, structs still unknown are refused.
   */
  private applyChecked(payload: Uint8Array, mayCatchUp: boolean): void {
    const update = this.held ? Y.mergeUpdates([...this.held.updates, payload]) : payload
    const verdict = checkUpdate(this.room.doc, update, this.mayWrite)
    if (!verdict.ok && verdict.missing && mayCatchUp) {
      this.backlog = []
      void this.room.catchUp().then(() => {
        const waiting = this.backlog ?? []
        this.backlog = null
        if (this.closed) return
        try {
          this.applyChecked(payload, false)
        } catch {
          return this.close(CLOSE_MALFORMED)
        }
        for (const data of waiting) this.handleMessage(data)
      })
      return
    }
    if (!verdict.ok && verdict.missing && !this.syncAnswered) return this.holdBack(payload, verdict.reason)
    if (!verdict.ok) return this.refuse(verdict.reason)
    if (this.held) clearTimeout(this.held.timer)
    this.held = null
    // Applied even when it touches no root: it may carry structs that integrate as garbage, and
    // skipping them would leave a gap in this client's clock that refuses its next update.
    this.room.applyClientUpdate(update, this, this.user.id, verdict.roots)
    this.onActivity()
  }

  /**
   * Keeps an update that builds on structs this client has not sent yet. The stock provider
   * sends every change the moment its socket opens, while what was typed offline only follows in
   * its answer to the server's sync step 1; refusing in between would make the editor discard
   * its local copy, offline text included. The held updates are checked again, merged, with each
   * later update of this client; refused if its sync answer does not bring what they build on,
   * if they outgrow HOLD_MAX_BYTES or HOLD_MAX_UPDATES, or after HOLD_MS.
   */
  private holdBack(payload: Uint8Array, reason: string): void {
    this.held ??= { updates: [], bytes: 0, timer: setTimeout(() => this.refuse(reason), HOLD_MS).unref() }
    this.held.updates.push(payload)
    this.held.bytes += payload.byteLength
    if (this.held.bytes > Math.min(HOLD_MAX_BYTES, this.maxMessageBytes) || this.held.updates.length > HOLD_MAX_UPDATES) this.refuse(reason)
  }

  private refuse(reason: string): void {
    console.warn(`[collab] ${this.user.username} refused in ${this.room.summaryId}: ${reason}`)
    this.send(encodePermissionDenied(reason))
    this.close(CLOSE_FORBIDDEN)
  }

  private mayWrite = (root: string): boolean => {
    const sectionId = parseSectionRoot(root)
    const section = sectionId === null ? undefined : this.room.section(sectionId)
    return section !== undefined && canWriteSection(this.user, section)
  }

  /**
   * Re-encodes the client's awareness entries with the identity the server knows and a caret
   * colleagues' editors can parse (see awarenessState.ts). Entries for
   * client ids owned by another connection (the stock provider echoes everyone's states) are
   * dropped, so a client can neither impersonate nor remove someone else.
   */
  private handleAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const encoder = encoding.createEncoder()
    const accepted: Array<[number, number, string]> = []
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const owner = this.room.awarenessOwners.get(clientId)
      // A client of another process that moved here (a reconnect through the load balancer)
      // speaks with a newer clock; an echo of its state repeats the clock it had.
      const moved = owner === OTHER_PROCESS && clock > (this.room.awareness.meta.get(clientId)?.clock ?? 0)
      // Nobody speaks for another client, nor for the server itself (its notice of a failing store).
      // Such an entry (mostly a stock provider's echo) is skipped unread: a var string is a var
      // byte array, so skipping it neither decodes nor parses it.
      if ((owner !== undefined && owner !== this && !moved) || clientId === this.room.doc.clientID) {
        decoding.readVarUint8Array(decoder)
        continue
      }
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown
      this.room.awarenessOwners.set(clientId, this)
      const stamped = state === null || typeof state !== 'object' ? null : { ...withSafeCaret(state), user: this.identity }
      accepted.push([clientId, clock, JSON.stringify(stamped)])
    }
    if (accepted.length === 0) return
    encoding.writeVarUint(encoder, accepted.length)
    for (const [clientId, clock, state] of accepted) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, state)
    }
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encoding.toUint8Array(encoder), this)
  }
}
