/**
 * A room's link to the other processes serving the same summary (REDIS_URL). It publishes what
 * this process committed (never before) and the awareness of its own clients, hands what the
 * others published to the room, and keeps server changes in step: a batch holding one is
 * published as 'update-confirm', each process answers 'applied' once it is in its doc, and an
 * API call waits for those answers (Confirmations) before it answers itself.
 */
import type { Bus, BusMessage } from './bus.js'
import { Confirmations } from './confirmations.js'
import type { SequenceTracker } from './sequenceTracker.js'

/** What the link does in its room. */
export interface LinkedRoom {
  isClosed(): boolean
  /** Applies a batch another process committed. */
  applyUpdate(update: Uint8Array): void
  applyAwareness(payload: Uint8Array): void
  /** The awareness of this process's own clients, for a process that just opened the summary. */
  ownPresence(): Uint8Array | null
}

const NOTHING = new Uint8Array()

export class RoomLink {
  /**
   * Resolves once the summary's channel is heard: from then on Redis counts this process among
   * the receivers of what is published there, which confirmations rely on.
   */
  readonly listening: Promise<void>
  private readonly confirmations: Confirmations

  constructor(
    private readonly bus: Bus,
    private readonly summaryId: string,
    /** Everything up to its `lastSeq` is in the room's doc. */
    private readonly sequence: SequenceTracker,
    private readonly room: LinkedRoom,
  ) {
    this.confirmations = new Confirmations(`room ${summaryId}`)
    this.listening = bus.subscribe(summaryId, this.handle)
    // Who is on the other processes: they announce themselves only on their next change.
    void this.listening.then(() => {
      if (!room.isClosed()) this.publish('presence-query', 0, 0, NOTHING)
    })
    sequence.schedule(0) // whatever was published while this process loaded the summary
  }

  /** Publishes a committed batch; one holding server changes (`confirm`) is confirmed by each process. */
  publishBatch(seq: number, count: number, merged: Uint8Array, confirm: boolean): void {
    const receivers = this.publish(confirm ? 'update-confirm' : 'update', seq, count, merged)
    if (confirm) void this.confirmations.expect(seq, receivers)
  }

  publishAwareness(payload: Uint8Array): void {
    this.publish('awareness', 0, 0, payload)
  }

  /**
   * Resolves once every other process holding the summary has applied the server changes
   * published so far (or after a timeout): then a section locked here is locked there too.
   */
  othersApplied(): Promise<void> {
    return this.confirmations.settled()
  }

  /** Runs `work` unless another process holds the lock `name` (then skips it). */
  exclusively(name: string, ttlMs: number, work: () => Promise<void>): Promise<boolean> {
    return this.bus.withLock(`${name}:${this.summaryId}`, ttlMs, work)
  }

  close(): void {
    this.bus.unsubscribe(this.summaryId)
  }

  private publish(kind: BusMessage['kind'], seq: number, count: number, payload: Uint8Array): Promise<number> {
    return this.bus.publish(this.summaryId, { kind, seq, count, payload })
  }

  private handle = (message: BusMessage): void => {
    const room = this.room
    if (room.isClosed()) return
    if (message.kind === 'awareness') return room.applyAwareness(message.payload)
    if (message.kind === 'presence-query') {
      const presence = room.ownPresence()
      if (presence) this.publishAwareness(presence)
      return
    }
    if (message.kind === 'applied') return this.confirmations.applied(message.seq)
    room.applyUpdate(message.payload)
    this.sequence.note(message.seq, message.count)
    if (message.kind === 'update-confirm') void this.confirmApplied(message.seq)
  }

  /** Answers 'applied' once everything up to `seq` is in the doc (after a catch-up if there was a gap). */
  private async confirmApplied(seq: number): Promise<void> {
    const sequence = this.sequence
    if (sequence.lastSeq < seq) await sequence.catchUp()
    if (this.room.isClosed() || sequence.lastSeq < seq) return // not known here: the caller's wait times out
    this.publish('applied', seq, 0, NOTHING)
  }
}
