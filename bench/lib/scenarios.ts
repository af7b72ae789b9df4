/** The benchmark scenarios of issue 8, each run against one freshly started server. */
import { largeDocument, measurement, Receiver, Seeder, Writer } from './clients.js'
import { cpuSeconds, rssMegabytes, stop, type Target } from './servers.js'

export const SECTIONS = ['overview', 'economy', 'investment', 'investment-channels', 'investment-service', 'infrastructure', 'safety', 'party', 'union', 'problems', 'plan']
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN

export interface TypingResult {
  p50: number
  p99: number
  /** p99 of the keystrokes typed in the warm-up second (a freshly started server). */
  warmupP99: number
  deliveredPerSecond: number
  /** Update messages per second arriving at the receivers. */
  messagesPerSecond: number
  lost: number
  cpu: number
  rss: number
}

export interface TypingOptions {
  docs: number
  clientsPerDoc: number
  writersPerDoc: number
  rate: number
  seconds: number
  /** Typing before the measurement starts (JIT, buffers); reported apart as warmupP99. */
  warmupSeconds: number
}

/** Writers type at `rate` keys/s; every other client receives. */
export const runTyping = async (target: Target, options: TypingOptions): Promise<TypingResult> => {
  const rooms = await target.rooms(options.docs)
  const receivers: Receiver[] = []
  const writers: Writer[] = []
  for (const room of rooms) {
    for (let index = 0; index < options.clientsPerDoc - options.writersPerDoc; index++) receivers.push(new Receiver(target, room))
    for (let index = 0; index < options.writersPerDoc; index++) writers.push(new Writer(target, room, `section:${SECTIONS[index % SECTIONS.length]}`))
  }
  await Promise.all([...receivers, ...writers].map((client) => client.opened()))
  await sleep(1000)
  const pid = target.child.pid!
  const interval = 1000 / options.rate
  const timers: NodeJS.Timeout[] = []
  measurement.from = Infinity
  writers.forEach((writer, index) => timers.push(setTimeout(() => timers.push(setInterval(() => writer.type(), interval)), (interval / writers.length) * index)))
  await sleep(options.warmupSeconds * 1000)
  const cpuBefore = cpuSeconds(pid)
  const started = performance.now()
  measurement.from = started
  await sleep(options.seconds * 1000)
  timers.forEach((timer) => clearInterval(timer))
  const elapsed = (performance.now() - started) / 1000
  const cpu = (cpuSeconds(pid) - cpuBefore) / elapsed
  await sleep(1500) // the last keystrokes arrive
  const messages = receivers.reduce((sum, receiver) => sum + receiver.messages, 0)
  const latencies = receivers.flatMap((receiver) => receiver.latencies).sort((a, b) => a - b)
  const warmup = receivers.flatMap((receiver) => receiver.warmupLatencies).sort((a, b) => a - b)
  const roomOf = new Map<Receiver | Writer, string>()
  receivers.forEach((receiver, index) => roomOf.set(receiver, rooms[Math.floor(index / (options.clientsPerDoc - options.writersPerDoc))]!))
  writers.forEach((writer, index) => roomOf.set(writer, rooms[Math.floor(index / options.writersPerDoc)]!))
  let lost = 0
  for (const receiver of receivers) {
    for (const writer of writers) if (roomOf.get(writer) === roomOf.get(receiver)) lost += Math.max(0, writer.clock - (receiver.seen.get(writer.doc.clientID) ?? 0))
  }
  const rss = rssMegabytes(pid)
  for (const client of [...receivers, ...writers]) client.close()
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), warmupP99: percentile(warmup, 0.99), deliveredPerSecond: latencies.length / elapsed, messagesPerSecond: messages / elapsed, lost, cpu, rss }
}

export interface JoinResult {
  allSynced: number
  p50: number
  failed: number
}

/** `clients` join a document of `bytes` at once; time until every one has the full state. */
export const runJoin = async (target: Target, clients: number, bytes: number): Promise<JoinResult> => {
  const [room] = await target.rooms(1)
  const state = largeDocument('section:overview', bytes)
  const seeder = new Seeder(target, room!, state)
  await seeder.opened()
  seeder.upload(state)
  await sleep(1500)
  const joiners = Array.from({ length: clients }, () => new Receiver(target, room!))
  const deadline = performance.now() + 30_000
  while (joiners.some((joiner) => joiner.syncTime === null) && performance.now() < deadline) await sleep(5)
  const times = joiners.map((joiner) => joiner.syncTime).filter((time): time is number => time !== null).sort((a, b) => a - b)
  for (const client of [...joiners, seeder]) client.close()
  return { allSynced: times.at(-1) ?? NaN, p50: percentile(times, 0.5), failed: clients - times.length }
}

export interface MemoryResult {
  perDocument: number
  baseline: number
  loaded: number
  afterLeave: number
  /** Documents still in memory after every client left (where the server tells). */
  openAfterLeave: number | null
}

/** Memory per open document of `bytes`, measured with one client in each of `docs` documents. */
export const runMemory = async (initial: Target, docs: number, bytes: number): Promise<MemoryResult & { target: Target }> => {
  let target = initial
  const rooms = await target.rooms(docs)
  const seeders = rooms.map((room, index) => new Seeder(target, room, largeDocument(`section:${SECTIONS[index % SECTIONS.length]}`, bytes)))
  await Promise.all(seeders.map((seeder) => seeder.opened()))
  const states = rooms.map((_, index) => largeDocument(`section:${SECTIONS[index % SECTIONS.length]}`, bytes))
  let baseline = rssMegabytes(target.child.pid!)
  seeders.forEach((seeder, index) => seeder.upload(states[index]!))
  await sleep(3000)
  let clients: Array<Seeder | Receiver> = seeders
  if (target.restart) {
    // Huizong keeps the documents: measure a fresh process opening them.
    seeders.forEach((seeder) => seeder.close())
    await sleep(1000)
    target = await target.restart()
    await sleep(1500)
    baseline = rssMegabytes(target.child.pid!)
    const readers = rooms.map((room) => new Receiver(target, room))
    const deadline = performance.now() + 30_000
    while (readers.some((reader) => reader.syncTime === null) && performance.now() < deadline) await sleep(10)
    clients = readers
    await sleep(1000)
  }
  const loaded = rssMegabytes(target.child.pid!)
  clients.forEach((client) => client.close())
  await sleep(3000)
  const afterLeave = rssMegabytes(target.child.pid!)
  const openAfterLeave = target.openDocuments ? await target.openDocuments() : null
  return { perDocument: (loaded - baseline) / docs, baseline, loaded, afterLeave, openAfterLeave, target }
}

export { stop }
