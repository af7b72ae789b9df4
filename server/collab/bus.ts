/**
 * Cross-process live traffic over Redis (REDIS_URL). A process publishes each batch it has
 * committed (never before) and the awareness changes of its own clients on the summary's
 * channels; every other process holding that summary applies and forwards them. Messages carry
 * the batch's last sequence number so a process can tell when it missed something and catch up
 * from the store. A process that opens a summary asks the others who is there ('presence-query');
 * each answers with its own clients' awareness. Locks (SET NX PX) let exactly one process compact a summary at a time.
 * One channel every process hears carries the requests to check connections again at once (an
 * account changed, a session ended, a summary moved to the 回收站) and their answers.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface BusMessage {
  /**
   * 'update-confirm': a batch with server changes, which each receiver answers with 'applied'
   * (its `seq`) once it is in its doc (see Confirmations).
   */
  kind: 'update' | 'update-confirm' | 'applied' | 'awareness' | 'presence-query'
  seq: number
  count: number
  payload: Uint8Array
}

/** Check again, at once, the connections of a user or to a summary; 'rechecked' answers the asker. */
export interface RecheckMessage {
  kind: 'recheck' | 'rechecked'
  id: number
  /** 'rechecked': the process that asked. */
  to?: string
  userId?: string
  summaryId?: string
}

export interface Bus {
  readonly processId: string
  /** Resolves with how many other processes received it (0 if publishing failed). */
  publish(summaryId: string, message: BusMessage): Promise<number>
  /** Resolves once messages on the summary's channel are received. */
  subscribe(summaryId: string, listener: (message: BusMessage) => void): Promise<void>
  unsubscribe(summaryId: string): void
  /** Publishes to every process; resolves with how many others received it (0 if publishing failed). */
  publishRecheck(message: RecheckMessage): Promise<number>
  onRecheck(listener: (message: RecheckMessage, from: string) => void): void
  /** Whether both connections to Redis are up (for /healthz). */
  connected(): boolean
  /** Called after Redis came back: messages may have been missed meanwhile. */
  onReconnect(listener: () => void): void
  /** Runs `work` only if no other process holds the lock `name`. */
  withLock(name: string, ttlMs: number, work: () => Promise<void>): Promise<boolean>
  close(): Promise<void>
}

const channelOf = (summaryId: string) => `huizong:summary:${summaryId}`
const RECHECK_CHANNEL = 'huizong:recheck'

const encodeMessage = (processId: string, message: BusMessage): Buffer => {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, processId)
  encoding.writeVarString(encoder, message.kind)
  encoding.writeVarUint(encoder, message.seq)
  encoding.writeVarUint(encoder, message.count)
  encoding.writeVarUint8Array(encoder, message.payload)
  return Buffer.from(encoding.toUint8Array(encoder))
}

const decodeMessage = (data: Buffer): { from: string; message: BusMessage } => {
  const decoder = decoding.createDecoder(new Uint8Array(data))
  const from = decoding.readVarString(decoder)
  const kind = decoding.readVarString(decoder) as BusMessage['kind']
  return { from, message: { kind, seq: decoding.readVarUint(decoder), count: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) } }
}

export const createBus = async (url: string): Promise<Bus> => {
  const processId = randomBytes(6).toString('hex')
  // No offline queue for publishing: while Redis is away, peers catch up from the store instead
  // of receiving a stale burst later.
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: false })
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null })
  // Redis unreachable at start: the cause (refused, unknown host) is what the caller reports.
  let cause: unknown = null
  const noteCause = (error: unknown) => (cause ??= error)
  publisher.on('error', noteCause)
  subscriber.on('error', noteCause)
  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
    await subscriber.subscribe(RECHECK_CHANNEL)
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw cause ?? error
  } finally {
    publisher.off('error', noteCause)
    subscriber.off('error', noteCause)
  }
  const recheckListeners: Array<(message: RecheckMessage, from: string) => void> = []
  const listeners = new Map<string, (message: BusMessage) => void>()
  /** Channels this process receives itself, so it does not count itself among the receivers. */
  const subscribed = new Set<string>()
  const reconnectListeners: Array<() => void> = []
  let wasDown = false

  const receiveRecheck = (data: Buffer): void => {
    try {
      const { from, ...message } = JSON.parse(data.toString()) as RecheckMessage & { from: string }
      if (from !== processId) for (const listener of recheckListeners) listener(message, from)
    } catch (error) {
      console.error('[bus] unreadable recheck dropped', error)
    }
  }
  const publishOn = (channel: string, data: Buffer | string, selfReceives: boolean): Promise<number> =>
    publisher.publish(channel, data).then(
      (receivers) => Math.max(0, receivers - (selfReceives ? 1 : 0)),
      (error: unknown) => {
        console.error('[bus] publish failed; peers will catch up from the store', error)
        return 0
      },
    )
  subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) => {
    if (channel.toString() === RECHECK_CHANNEL) return receiveRecheck(data)
    const listener = listeners.get(channel.toString())
    if (!listener) return
    try {
      const { from, message } = decodeMessage(data)
      if (from !== processId) listener(message)
    } catch (error) {
      console.error('[bus] unreadable message dropped', error)
    }
  })
  subscriber.on('close', () => (wasDown = true))
  subscriber.on('ready', () => {
    if (!wasDown) return
    wasDown = false
    // ioredis re-subscribes by itself; what was published meanwhile comes from the store.
    for (const listener of reconnectListeners) listener()
  })
  publisher.on('error', (error) => console.error('[bus] redis error', error.message))
  subscriber.on('error', (error) => console.error('[bus] redis error', error.message))

  return {
    processId,
    publish: (summaryId, message) => publishOn(channelOf(summaryId), encodeMessage(processId, message), subscribed.has(channelOf(summaryId))),
    publishRecheck: (message) => publishOn(RECHECK_CHANNEL, JSON.stringify({ from: processId, ...message }), true),
    onRecheck: (listener) => void recheckListeners.push(listener),
    subscribe: async (summaryId, listener) => {
      const channel = channelOf(summaryId)
      listeners.set(channel, listener)
      await subscriber.subscribe(channel).then(
        () => void (listeners.has(channel) && subscribed.add(channel)),
        (error: unknown) => console.error('[bus] subscribe failed', error),
      )
    },
    unsubscribe: (summaryId) => {
      listeners.delete(channelOf(summaryId))
      subscribed.delete(channelOf(summaryId))
      subscriber.unsubscribe(channelOf(summaryId)).catch(() => undefined)
    },
    onReconnect: (listener) => void reconnectListeners.push(listener),
    connected: () => publisher.status === 'ready' && subscriber.status === 'ready',
    withLock: async (name, ttlMs, work) => {
      const key = `huizong:lock:${name}`
      const owner = `${processId}:${randomBytes(4).toString('hex')}`
      if ((await publisher.set(key, owner, 'PX', ttlMs, 'NX')) !== 'OK') return false
      try {
        await work()
      } finally {
        // Release only our own lock (it may have expired and been taken by someone else).
        await publisher.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, owner)
      }
      return true
    },
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}
