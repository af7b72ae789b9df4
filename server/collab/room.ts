/**
 * A Room is one summary's Y.Doc in memory with its peers. Every change, from a client or from
 * the server, goes through one queue that is flushed once per event-loop turn (Turn, shared by
 * all rooms): the batch is committed to the store first (with SQLite, in one group transaction
 * with every other room's batch of that turn), then merged and sent as one message, encoded
 * once, to every peer. Nobody ever receives an update that is not committed; awareness, which
 * is not stored, is coalesced per turn too, and leaves once every update queued before it has
 * been sent: with the batch that commits the last of them, in one socket write per peer for both
 * (a colleague's caret never arrives before the text it points into), or at once if nothing
 * waits for a commit. What it exchanges with other processes (REDIS_URL) goes through RoomLink.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { parseSectionRoot } from '../../shared/doc/roots.js'
import { readOutline, type OutlineEntry } from '../../shared/doc/outline.js'
import type { Store } from '../store/types.js'
import type { Bus } from './bus.js'
import { AwarenessOutbox, type PendingAwareness } from './awarenessOutbox.js'
import { FullStateAnswer } from './fullStateAnswer.js'
import { encodeSyncStep2, encodeUpdateMessage } from './protocol.js'
import type { CompactionLane } from './compactionLane.js'
import { RoomLink } from './roomLink.js'
import { SequenceTracker } from './sequenceTracker.js'
import type { Turn } from './turn.js'
import { savingTroubleState } from '../../shared/savingTrouble.js'

/** Origin of changes that another process committed and published. */
const REMOTE = Symbol('remote')

/** What a room needs of a connection. */
export interface Peer {
  /** Sends the messages in this order; several are written to the socket at once. */
  send(...messages: Uint8Array[]): void
}

/**
 * The owner of an awareness client that is connected to another process (REDIS_URL). Stock
 * providers echo every state they hear; without an owner, the first local client to echo a remote
 * colleague's state became its owner here, and removed it when it left.
 */
export const OTHER_PROCESS: Peer = { send: () => undefined }

/** The origin of a transaction on the room's doc: who wrote it and which sections it touched. */
export interface UpdateOrigin {
  peer: Peer | null
  authorId: string | null
  sections: string[]
}

interface Pending {
  update: Uint8Array
  origin: UpdateOrigin
}

export interface RoomOptions {
  summaryId: string
  log: Store['updates']
  lastSeq: number
  /** Where the stored snapshot ends and how many bytes of log follow it (default: nothing follows). */
  snapshotSeq?: number
  tailBytes?: number
  /** Other processes serving the same summaries (REDIS_URL), if any. */
  bus?: Bus | null
  /** Compact the log into a snapshot once this many updates, or this many bytes, follow it. */
  compactEvery: number
  compactBytes: number
  /** Upper bound of one flush, so a burst never stalls the loop for long. */
  maxBatchBytes: number
  /** The once-per-turn flush shared by all rooms of the process. */
  turn: Turn
  /** Where threshold compactions of all rooms of the process wait their turn. */
  compactions: CompactionLane
  onIdle: (room: Room) => void
}

const RETRY_MS = 1000
/** The encoded state vector of a client that has nothing yet. */
const EMPTY_STATE_VECTOR = Uint8Array.of(0)
const isEmptyStateVector = (stateVector: Uint8Array): boolean => stateVector.byteLength === 1 && stateVector[0] === 0

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly peers = new Set<Peer>()
  /** Awareness client ids and the peer that owns each, so nobody can speak for someone else. */
  readonly awarenessOwners = new Map<number, Peer>()
  private queue: Pending[] = []
  private flushScheduled = false
  private inFlight = false
  private compactionScheduled = false
  private retryTimer: NodeJS.Timeout | null = null
  private afterCommit: Array<() => void> = []
  /** Changes ever queued for commit, and how many of them are committed (they commit in order). */
  private queuedCount = 0
  private committedCount = 0
  private durableWaiters: Array<{ upto: number; callback: () => void }> = []
  private readonly awarenessOut: AwarenessOutbox
  /** Committed updates from other processes, sent merged once per turn. */
  private remoteOutbox: Uint8Array[] = []
  private readonly sequence: SequenceTracker
  /** To the other processes serving this summary (REDIS_URL), if any. */
  private readonly link: RoomLink | null
  private snapshotSeq: number
  /** Bytes this process knows the log holds after the snapshot (its own appends and the loaded tail). */
  private tailBytes: number
  private outlineCache: Map<string, OutlineEntry> | null = null
  private readonly fullState: FullStateAnswer
  closed = false
  private failingSince: number | null = null
  /** API calls currently using the room; it is not unloaded under them. */
  holds = 0

  constructor(doc: Y.Doc, private readonly options: RoomOptions) {
    this.doc = doc
    this.sequence = new SequenceTracker(options.summaryId, options.lastSeq, options.log, this.applyRemote)
    this.snapshotSeq = options.snapshotSeq ?? options.lastSeq
    this.tailBytes = options.tailBytes ?? 0
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awarenessOut = new AwarenessOutbox(this.awareness, Boolean(options.bus))
    this.fullState = new FullStateAnswer(() => encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR))
    this.awareness.setLocalState(null)
    doc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
    doc.getArray('outline').observeDeep(() => (this.outlineCache = null))
    this.link = options.bus
      ? new RoomLink(options.bus, options.summaryId, this.sequence, {
          isClosed: () => this.closed,
          applyUpdate: this.applyRemote,
          applyAwareness: (payload) => awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE),
          ownPresence: this.ownPresence,
        })
      : null
    // A long tail (a crash, a process that never compacted) is folded in soon after the load.
    if (this.compactionDue) this.scheduleCompaction()
  }

  private get compactionDue(): boolean {
    return this.sequence.lastSeq - this.snapshotSeq >= this.options.compactEvery || this.tailBytes >= this.options.compactBytes
  }

  /** Since when its commits fail (the store is full or down), until one succeeds. */
  get savingFailsSince(): number | null {
    return this.failingSince
  }

  get summaryId(): string {
    return this.options.summaryId
  }

  /** Whether other processes may commit to this summary too (REDIS_URL). */
  get sharedWithOthers(): boolean {
    return this.link !== null
  }

  /** Resolves once other processes' publications on this summary are heard (RoomLink). */
  get listening(): Promise<void> {
    return this.link?.listening ?? Promise.resolve()
  }

  /** True while changes wait for their commit. */
  get busy(): boolean {
    return this.queue.length > 0 || this.inFlight || this.retryTimer !== null
  }

  section(sectionId: string): OutlineEntry | undefined {
    this.outlineCache ??= new Map(readOutline(this.doc).map((entry) => [entry.id, entry]))
    return this.outlineCache.get(sectionId)
  }

  /** Applies an update the guard accepted; it is queued for commit and broadcast. */
  applyClientUpdate(update: Uint8Array, peer: Peer, authorId: string, roots: Iterable<string>): void {
    const sections = [...roots].map((root) => parseSectionRoot(root)).filter((id): id is string => id !== null)
    Y.applyUpdate(this.doc, update, { peer, authorId, sections } satisfies UpdateOrigin)
  }

  /**
   * Runs a server-side change (outline, figures, comments) as one transaction. `sections`: those
   * whose text it changes (a suggestion accepted, a version's text put back), which count as the
   * author's edits there (who edited a section, 有改动).
   */
  transactServer(change: (doc: Y.Doc) => void, authorId: string | null = null, sections: readonly string[] = []): void {
    this.doc.transact(() => change(this.doc), { peer: null, authorId, sections: [...sections] } satisfies UpdateOrigin)
  }

  /**
   * Runs `callback` at a moment when nothing applied is waiting for its commit (now, if nothing
   * is pending): for unloading an idle room and for draining at shutdown. Under steady typing on
   * an asynchronous store that moment may be long in coming; answers use whenDurable.
   */
  whenCommitted(callback: () => void): void {
    if (!this.busy) callback()
    else this.afterCommit.push(callback)
  }

  /**
   * Runs `callback` once every change applied so far is committed, even if later ones keep the
   * room busy: an API call answers only after its own change is durable.
   */
  whenDurable(callback: () => void): void {
    const upto = this.queuedCount
    if (this.committedCount >= upto) callback()
    else this.durableWaiters.push({ upto, callback })
  }

  /**
   * The sync step 2 answering `stateVector`; clients that have nothing yet share one answer
   * (FullStateAnswer).
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array {
    return isEmptyStateVector(stateVector) ? this.fullState.get() : encodeSyncStep2(this.doc, stateVector)
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer)
  }

  removePeer(peer: Peer): void {
    this.peers.delete(peer)
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === peer).map(([clientId]) => clientId)
    for (const clientId of owned) this.awarenessOwners.delete(clientId)
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, peer)
    this.checkIdle()
  }

  /** Compaction runs in the process's compaction lane, never inside a flush. */
  private scheduleCompaction(): void {
    if (this.compactionScheduled) return
    this.compactionScheduled = true
    this.options.compactions.request(async () => {
      this.compactionScheduled = false
      if (this.closed) return
      await this.compact().catch((error: unknown) => console.error(`[room ${this.summaryId}] compaction failed; the log stays as it is`, error))
    })
  }

  /**
   * Compacts the log if anything was appended since the last snapshot. Safe while commits are
   * in flight: the snapshot holds at least everything up to `lastSeq`, and the store runs the
   * compaction after the appends requested before it (an update in both is harmless to Yjs).
   */
  async compact(): Promise<void> {
    const uptoSeq = this.sequence.lastSeq
    if (uptoSeq === this.snapshotSeq) return
    const run = async () => {
      const folded = this.tailBytes
      await this.options.log.compact(this.options.summaryId, Y.encodeStateAsUpdate(this.doc), uptoSeq)
      this.snapshotSeq = Math.max(this.snapshotSeq, uptoSeq)
      this.tailBytes = Math.max(0, this.tailBytes - folded)
    }
    // With several processes, one compacts a summary at a time; the others skip this round.
    if (this.link) await this.link.exclusively('compact', 60_000, run)
    else await run()
  }

  /** Applies what other processes committed and this one has not seen (see SequenceTracker). */
  catchUp(): Promise<void> {
    return this.sequence.catchUp()
  }

  /**
   * Resolves once every other process holding the summary has applied the server changes
   * committed so far (or after a timeout): then a section locked here is locked there too.
   */
  othersApplied(): Promise<void> {
    return this.link?.othersApplied() ?? Promise.resolve()
  }

  /** Applies committed changes from elsewhere; they go straight to this process's peers. */
  private applyRemote = (update: Uint8Array): void => {
    Y.applyUpdate(this.doc, update, REMOTE)
  }

  /** Resolves once everything applied so far is committed (shutdown), or after `timeoutMs`. */
  drain(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      this.whenCommitted(() => {
        clearTimeout(timer)
        resolve()
      })
      if (this.retryTimer) {
        clearTimeout(this.retryTimer)
        this.retryTimer = null
        this.scheduleFlush()
      }
    })
  }

  destroy(): void {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.fullState.forget()
    this.sequence.dispose()
    this.link?.close()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState.forget()
    if (origin === REMOTE) {
      // Already committed by another process: forward with this turn's others, never store it.
      this.remoteOutbox.push(update)
      return this.scheduleFlush()
    }
    const known = origin as Partial<UpdateOrigin> | null
    this.queue.push({ update, origin: { peer: known?.peer ?? null, authorId: known?.authorId ?? null, sections: known?.sections ?? [] } })
    this.queuedCount += 1
    this.scheduleFlush()
  }

  private handleAwarenessUpdate = ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown): void => {
    for (const clientId of removed) if (this.awarenessOwners.get(clientId) === OTHER_PROCESS) this.awarenessOwners.delete(clientId)
    if (origin === REMOTE) for (const clientId of [...added, ...updated]) if (!this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, OTHER_PROCESS)
    this.awarenessOut.note([...added, ...updated, ...removed], origin === REMOTE)
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    this.options.turn.schedule(this)
  }

  /** Called by the Turn once per event-loop turn after this room changed. */
  flush(): void {
    this.flushScheduled = false
    if (this.closed) return
    this.awarenessOut.take(this.queuedCount)
    this.flushRemote()
    const storeFree = !this.inFlight && this.retryTimer === null
    if (storeFree && this.queue.length > 0) return this.commitBatch()
    this.sendAwareness(this.awarenessOut.takeDue(this.committedCount))
    if (storeFree) this.settle()
  }

  /** Nothing waits for a commit: answer who waited for that, compact when due, unload if idle. */
  private settle(): void {
    const callbacks = this.afterCommit
    this.afterCommit = []
    for (const callback of callbacks) callback()
    if (this.compactionDue) this.scheduleCompaction()
    this.checkIdle()
  }

  /**
   * Commits one batch (at most maxBatchBytes) in one transaction, then sends it merged to every
   * peer. The append is requested synchronously, so the store can group it with the other rooms'
   * batches of this turn; while a commit is in flight (PostgreSQL) new updates queue up for the
   * next batch. A failed commit keeps the batch for a retry: nobody sees it until it is durable.
   * Awareness that waited for this batch goes out with it (all that waits, if the commit fails).
   */
  private commitBatch(): void {
    let bytes = 0
    let count = 0
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count]!.update.byteLength <= this.options.maxBatchBytes)) {
      bytes += this.queue[count]!.update.byteLength
      count += 1
    }
    const batch = this.queue.splice(0, count)
    this.inFlight = true
    const records = batch.map(({ update, origin }) => ({ data: update, authorId: origin.authorId, sections: origin.sections }))
    // Requested now, not in a later tick, so the store groups it with this turn's other batches;
    // a store that throws at once (disk full) is retried like one whose commit failed.
    let committed: Promise<number>
    try {
      committed = this.options.log.append(this.options.summaryId, records)
    } catch (error) {
      committed = Promise.reject(error)
    }
    committed.then(
      (seq) => {
        this.inFlight = false
        this.sequence.note(seq, batch.length)
        this.tailBytes += bytes
        this.committedCount += batch.length
        // Waiters resume in a later microtask, after this batch is sent and published below: an
        // API call then finds its batch among the confirmations it waits for (othersApplied).
        this.answerDurableWaiters()
        if (this.closed) return
        this.reportSaving(false)
        const awareness = this.awarenessOut.takeDue(this.committedCount)
        const merged = this.broadcast(batch, awareness)
        this.publishBatch(batch, seq, merged)
        this.publishAwareness(awareness)
        // Only what queued meanwhile needs another turn; an idle loop is not woken for nothing.
        if (this.queue.length > 0) this.scheduleFlush()
        else this.settle()
      },
      (error: unknown) => {
        this.inFlight = false
        this.queue.unshift(...batch)
        console.error(`[room ${this.summaryId}] commit failed, retrying`, error)
        if (!this.closed) {
          // Everyone hears at once that nothing is being saved. Presence keeps flowing while the
          // store fails; carets may then precede their text.
          this.reportSaving(true)
          this.awarenessOut.take(this.queuedCount)
          this.sendAwareness(this.awarenessOut.takeAll())
        }
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null
          this.scheduleFlush()
        }, RETRY_MS)
      },
    )
  }

  /** Sends a committed batch to the other processes; one with server changes is confirmed by each. */
  private publishBatch(batch: readonly Pending[], seq: number, merged: Uint8Array): void {
    this.link?.publishBatch(seq, batch.length, merged, batch.some((pending) => pending.origin.peer === null))
  }

  /** Waiters are in order of `upto` (queuedCount only grows), so the due ones are at the front. */
  private answerDurableWaiters(): void {
    while (this.durableWaiters.length > 0 && this.durableWaiters[0]!.upto <= this.committedCount) this.durableWaiters.shift()!.callback()
  }

  /**
   * Sends a committed batch, merged and encoded once, to every peer, followed by the awareness
   * that waited for it; returns the merged update.
   */
  private broadcast(batch: readonly Pending[], awareness: readonly PendingAwareness[]): Uint8Array {
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((pending) => pending.update))
    const message = encodeUpdateMessage(merged)
    const origins = new Set(batch.map((pending) => pending.origin.peer))
    const soleOrigin = origins.size === 1 ? batch[0]!.origin.peer : null
    const carets = awareness.map((entry) => entry.message)
    for (const peer of this.peers) {
      if (peer === soleOrigin) {
        if (carets.length > 0) peer.send(...carets)
      } else peer.send(message, ...carets)
    }
    return merged
  }

  private flushRemote(): void {
    if (this.remoteOutbox.length === 0) return
    const updates = this.remoteOutbox
    this.remoteOutbox = []
    const message = encodeUpdateMessage(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    for (const peer of this.peers) peer.send(message)
  }

  /** Sends awareness on its own, to this process's peers and the other processes. */
  private sendAwareness(awareness: readonly PendingAwareness[]): void {
    if (awareness.length === 0) return
    const messages = awareness.map((entry) => entry.message)
    for (const peer of this.peers) peer.send(...messages)
    this.publishAwareness(awareness)
  }

  private publishAwareness(awareness: readonly PendingAwareness[]): void {
    if (this.link) for (const { published } of awareness) if (published) this.link.publishAwareness(published)
  }

  /** The awareness of this process's own clients (and its own notice), for a process that just opened the summary. */
  private ownPresence = (): Uint8Array | null => {
    const states = this.awareness.getStates()
    const own = [...this.awarenessOwners].filter(([clientId, owner]) => owner !== OTHER_PROCESS && states.has(clientId)).map(([clientId]) => clientId)
    if (this.failingSince !== null) own.push(this.doc.clientID)
    return own.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, own) : null
  }

  /** The room's own awareness state says whether the store is failing (shared/savingTrouble.ts). */
  private reportSaving(failing: boolean): void {
    if (failing === (this.failingSince !== null)) return
    this.failingSince = failing ? Date.now() : null
    this.awareness.setLocalState(this.failingSince === null ? null : savingTroubleState({ since: this.failingSince }))
  }

  private checkIdle(): void {
    if (this.peers.size === 0 && !this.busy && !this.flushScheduled) this.options.onIdle(this)
  }
}
