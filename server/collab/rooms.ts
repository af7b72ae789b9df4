/**
 * Loads summaries into Rooms on demand and unloads them when idle. A summary whose stored data
 * cannot be read is refused (SummaryUnavailable) and never cached, so nothing is ever stored
 * over the good copy; a room unloads only with an empty queue, after a final compaction.
 */
import * as Y from 'yjs'
import type { Store } from '../store/index.js'
import type { Bus } from './bus.js'
import { CompactionLane } from './compactionLane.js'
import { Room } from './room.js'
import { Turn } from './turn.js'

export class SummaryUnavailable extends Error {}

/**
 * An API call's change is applied and queued, but the store has not committed it within
 * `answerTimeoutMs` (disk full, database down). The change stays queued and commits once the
 * store recovers; the caller is told so instead of waiting without end.
 */
export class SavePending extends Error {}

export interface RoomsOptions {
  compactEvery: number
  compactBytes: number
  maxBatchBytes: number
  unloadDelayMs: number
  bus?: Bus | null
  /** How long an API call waits for its change to be committed before answering SavePending. */
  answerTimeoutMs?: number
  /** With a bus: how often each open summary reads from the store what Redis may not have brought. */
  catchUpMs?: number
}

/** Between two compactions of the process (threshold or unload): keystrokes' commits get the turns between. */
const COMPACTION_PAUSE_MS = 20
const ANSWER_TIMEOUT_MS = 10_000

export interface LoadedSummary {
  doc: Y.Doc
  lastSeq: number
  /** Where the stored snapshot ends, and the bytes of the log after it: what compaction would fold in. */
  snapshotSeq: number
  tailBytes: number
}

/** Rebuilds a doc from snapshot + log; throws SummaryUnavailable on anything unreadable. */
export const loadSummaryDoc = async (store: Store, summaryId: string): Promise<LoadedSummary> => {
  const doc = new Y.Doc()
  try {
    const state = await store.updates.load(summaryId)
    if (state.snapshot === null && state.updates.length === 0) throw new Error('no stored state')
    doc.transact(() => {
      if (state.snapshot) Y.applyUpdate(doc, state.snapshot)
      for (const update of state.updates) Y.applyUpdate(doc, update)
    })
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error('stored updates are incomplete')
    const tailBytes = state.updates.reduce((sum, update) => sum + update.byteLength, 0)
    return { doc, lastSeq: state.lastSeq, snapshotSeq: state.snapshotSeq, tailBytes }
  } catch (error) {
    doc.destroy()
    console.error(`[rooms] summary ${summaryId} could not be loaded`, error)
    throw new SummaryUnavailable(`summary ${summaryId} could not be loaded`)
  }
}

const whenDurable = (room: Room, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SavePending(`summary ${room.summaryId}: change not committed after ${timeoutMs} ms`)), timeoutMs)
    room.whenDurable(() => {
      clearTimeout(timer)
      resolve()
    })
  })

export const createRooms = (store: Store, options: RoomsOptions) => {
  const rooms = new Map<string, Room>()
  const turn = new Turn()
  const compactions = new CompactionLane(COMPACTION_PAUSE_MS)
  const unloadTimers = new Map<string, NodeJS.Timeout>()

  /** Unloads an idle room: it leaves the registry first (a new client loads a fresh copy from
   * the store, which is complete whether or not the final compaction has finished), then
   * compacts in the lane, so summaries closed together do not compact together. */
  const unload = (room: Room): void => {
    unloadTimers.delete(room.summaryId)
    if (room.peers.size > 0 || room.holds > 0 || room.busy || rooms.get(room.summaryId) !== room) return
    rooms.delete(room.summaryId)
    compactions.request(() =>
      room
        .compact()
        .catch((error: unknown) => console.error(`[rooms] compaction of ${room.summaryId} failed; the log stays as it is`, error))
        .finally(() => room.destroy()),
    )
  }

  const handleIdle = (room: Room): void => {
    clearTimeout(unloadTimers.get(room.summaryId))
    unloadTimers.set(room.summaryId, setTimeout(() => unload(room), options.unloadDelayMs))
  }

  const loading = new Map<string, Promise<Room>>()
  if (options.bus) {
    options.bus.onReconnect(() => rooms.forEach((room) => void room.catchUp()))
    setInterval(() => rooms.forEach((room) => void room.catchUp()), options.catchUpMs ?? 5000).unref()
  }

  /** The room of a summary, loading it when needed (one load however many ask at once). */
  const open = async (summaryId: string): Promise<Room> => {
    const existing = rooms.get(summaryId)
    if (existing) {
      clearTimeout(unloadTimers.get(summaryId))
      unloadTimers.delete(summaryId)
      return existing
    }
    let pending = loading.get(summaryId)
    if (!pending) {
      pending = loadSummaryDoc(store, summaryId)
        .then(({ doc, lastSeq, snapshotSeq, tailBytes }) => {
          const room = new Room(doc, { summaryId, log: store.updates, lastSeq, snapshotSeq, tailBytes, ...options, turn, compactions, onIdle: handleIdle })
          rooms.set(summaryId, room)
          return room
        })
        .finally(() => loading.delete(summaryId))
      loading.set(summaryId, pending)
    }
    return pending
  }

  /** Runs `use` on the summary's room; the room unloads afterwards if nobody is connected. */
  const withRoom = async <T>(summaryId: string, use: (room: Room) => T | Promise<T>): Promise<T> => {
    const room = await open(summaryId)
    room.holds += 1
    try {
      // Another process may have committed since: decide on the latest state, not a lagging one.
      if (room.sharedWithOthers) await room.listening.then(() => room.catchUp())
      const result = await use(room)
      // Answered only once what the call changed is durable (and visible to other processes).
      await whenDurable(room, options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS)
      // ... and in force on every process: a section locked here accepts no more typing there.
      if (room.sharedWithOthers) await room.othersApplied()
      return result
    } finally {
      room.holds -= 1
      room.whenCommitted(() => {
        if (room.peers.size === 0 && room.holds === 0) handleIdle(room)
      })
    }
  }

  /**
   * Takes a summary out of memory for good, before its stored data is deleted (purge): what is
   * pending is committed first, and nothing of it is written afterwards (no final compaction).
   */
  const evict = async (summaryId: string): Promise<void> => {
    await loading.get(summaryId)?.catch(() => undefined)
    const room = rooms.get(summaryId)
    if (!room) return
    clearTimeout(unloadTimers.get(summaryId))
    unloadTimers.delete(summaryId)
    rooms.delete(summaryId)
    await room.drain()
    room.destroy()
  }

  /** Commits everything pending, compacts and unloads every room (graceful shutdown). */
  const closeAll = async (): Promise<void> => {
    for (const timer of unloadTimers.values()) clearTimeout(timer)
    const open = [...rooms.values()]
    rooms.clear()
    await Promise.all(
      open.map(async (room) => {
        await room.drain()
        await room.compact().catch((error: unknown) => console.error(`[rooms] compaction of ${room.summaryId} failed on shutdown`, error))
        room.destroy()
      }),
    )
  }

  /** Open summaries whose changes the store is refusing right now (disk full, database down). */
  const notSaving = (): number => [...rooms.values()].filter((room) => room.savingFailsSince !== null).length

  /** With REDIS_URL, whether the processes' live link is up (null without one). */
  const linked = (): boolean | null => (options.bus ? options.bus.connected() : null)

  return { open, withRoom, evict, closeAll, loaded: () => rooms.size, notSaving, linked, get: (id: string) => rooms.get(id) }
}

export type Rooms = ReturnType<typeof createRooms>
