/**
 * A room's awareness changes (carets, presence) on their way out, coalesced per turn: the latest
 * state of each client that changed in the turn, as one message, leaves once every update queued
 * before it is committed (a colleague's caret never arrives before the text it points into).
 * Awareness is never stored.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { encodeAwarenessStates } from './protocol.js'

/** One turn's awareness changes, sent once the first `due` changes queued are committed. */
export interface PendingAwareness {
  due: number
  message: Uint8Array
  /** The changes of this process's own clients, for the other processes (REDIS_URL). */
  published: Uint8Array | null
}

export class AwarenessOutbox {
  private readonly changed = new Set<number>()
  /** Changes of this process's own clients, to publish to the other processes. */
  private readonly local = new Set<number>()
  private waiting: PendingAwareness[] = []

  /** `publishes`: whether other processes serve the summary too (changes of local clients are encoded for them). */
  constructor(private readonly awareness: awarenessProtocol.Awareness, private readonly publishes: boolean) {}

  /** Notes changed clients; `remote`: the change came from another process, which published it already. */
  note(clientIds: readonly number[], remote: boolean): void {
    for (const clientId of clientIds) {
      this.changed.add(clientId)
      if (!remote) this.local.add(clientId)
    }
  }

  /** The turn's changes as one message, to leave after the first `due` changes queued for commit. */
  take(due: number): void {
    if (this.changed.size === 0) return
    const message = encodeAwarenessStates(this.awareness, [...this.changed])
    const published = this.publishes && this.local.size > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.local]) : null
    this.changed.clear()
    this.local.clear()
    this.waiting.push({ due, message, published })
  }

  /** The messages whose preceding updates are all committed (they wait in order of `due`). */
  takeDue(committed: number): PendingAwareness[] {
    let count = 0
    while (count < this.waiting.length && this.waiting[count]!.due <= committed) count += 1
    return this.waiting.splice(0, count)
  }

  /** Every message waiting, whatever it waits for (presence keeps flowing while the store fails). */
  takeAll(): PendingAwareness[] {
    return this.waiting.splice(0)
  }
}
