/**
 * `npm run bench`: the same scenarios, in one run on this machine, against Huizong, a plain `ws`
 * relay (no Yjs work) and @hocuspocus/server 4.7 in memory. Each server runs as its own child
 * process, freshly started per measurement. Prints one Markdown table per scenario with the
 * ratios Huizong/Hocuspocus and Huizong/relay. Typing runs BENCH_WARMUP (default 1) seconds of
 * warm-up, reported apart, then BENCH_SECONDS (default 5) measured; each row is the median of
 * BENCH_REPEAT (default 3) rounds in which the servers take turns. BENCH_QUICK=1 runs one rate
 * per scenario and one round; BENCH_RATES=20,50 picks the rates; BENCH_SERVER_CPUS=1 runs each
 * server on that core alone; BENCH_CARETS=0 types text only; BENCH_STOCK=1 makes the writers
 * behave as stock y-websocket providers (bench/lib/clients.ts).
 */
import { runJoin, runMemory, runTyping, stop, type TypingOptions, type TypingResult } from './lib/scenarios.js'
import { scaledUnavailable, startScaledHuizong } from './lib/scaled.js'
import { startHocuspocus, startHuizong, startRelay, type Target } from './lib/servers.js'
import useTemporaryRoot from '../tests/tempRoot.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const QUICK = process.env.BENCH_QUICK === '1'
const ONLY = process.env.BENCH_SERVERS?.split(',')
const SCENARIOS = process.env.BENCH_SCENARIOS?.split(',') ?? ['one', 'many', 'join', 'memory', 'scaled']
const RATES = process.env.BENCH_RATES?.split(',').map(Number)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1)
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? (QUICK ? 1 : 3)))
const SERVERS = (
  [
    ['Huizong', startHuizong],
    ['ws relay', startRelay],
    ['Hocuspocus', startHocuspocus],
  ] as Array<[string, () => Promise<Target>]>
).filter(([name]) => !ONLY || ONLY.includes(name))

const number = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—')
const ratio = (ours: number, theirs: number) => (Number.isFinite(ours / theirs) ? `${(ours / theirs).toFixed(2)}×` : '—')

const withServer = async <T>(start: () => Promise<Target>, use: (target: Target) => Promise<T & { target?: Target }>): Promise<T> => {
  const target = await start()
  try {
    const result = await use(target)
    await stop((result.target ?? target).child)
    return result
  } catch (error) {
    await stop(target.child)
    throw error
  }
}

/** Runs `use` on every server, REPEAT rounds in which the servers take turns. */
const inRounds = async <T>(use: (target: Target) => Promise<T & { target?: Target }>): Promise<Map<string, T[]>> => {
  const runs = new Map<string, T[]>(SERVERS.map(([name]) => [name, []]))
  for (let round = 0; round < REPEAT; round++) for (const [name, start] of SERVERS) runs.get(name)!.push(await withServer(start, use))
  return runs
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN
/** The median of one figure over the rounds. */
const medianOf = <T>(runs: T[], field: { [K in keyof T]: T[K] extends number ? K : never }[keyof T]) => median(runs.map((run) => run[field] as number))

/** The median of each figure over the rounds (lost: the worst). */
const combine = (runs: TypingResult[]): TypingResult => ({
  p50: medianOf(runs, 'p50'),
  p99: medianOf(runs, 'p99'),
  warmupP99: medianOf(runs, 'warmupP99'),
  deliveredPerSecond: medianOf(runs, 'deliveredPerSecond'),
  messagesPerSecond: medianOf(runs, 'messagesPerSecond'),
  lost: Math.max(...runs.map((run) => run.lost)),
  cpu: medianOf(runs, 'cpu'),
  rss: medianOf(runs, 'rss'),
})

/** The range of the per-round ratios (the servers of one round ran minutes apart at most). */
const spread = (ours: TypingResult[], theirs: TypingResult[], field: 'p99' | 'cpu') => {
  if (ours.length < 2) return ''
  const ratios = ours.map((run, round) => run[field] / theirs[round]![field]).sort((a, b) => a - b)
  return ` (rounds ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}, ${ratios.filter((value) => value <= 1).length} of ${ratios.length} ≤ 1)`
}

const typingTable = async (title: string, base: Omit<TypingOptions, 'rate' | 'seconds' | 'warmupSeconds'>, rates: number[]) => {
  console.log(`\n### ${title}\n`)
  console.log('| rate (keys/s per writer) | server | p50 ms | p99 ms | p99 warm-up s ms | delivered/s | messages/s | lost | server CPU (cores) | RSS MB |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  for (const rate of rates) {
    // The servers take turns, REPEAT rounds, so a slow moment of the machine hits them alike.
    const runs = await inRounds((target) => runTyping(target, { ...base, rate, seconds: SECONDS, warmupSeconds: WARMUP }))
    const results = new Map([...runs].map(([name, list]) => [name, combine(list)]))
    for (const [name, result] of results) {
      console.log(`| ${rate} | ${name} | ${number(result.p50)} | ${number(result.p99)} | ${number(result.warmupP99)} | ${number(result.deliveredPerSecond, 0)} | ${number(result.messagesPerSecond, 0)} | ${result.lost} | ${number(result.cpu, 2)} | ${number(result.rss, 0)} |`)
    }
    const ours = results.get('Huizong')
    const hocuspocus = results.get('Hocuspocus')
    const relay = results.get('ws relay')
    if (ours && hocuspocus) {
      const paired = (field: 'p99' | 'cpu') => spread(runs.get('Huizong')!, runs.get('Hocuspocus')!, field)
      const toRelay = relay ? `Huizong/relay p99 ${ratio(ours.p99, relay.p99)}` : ''
      console.log(`| ${rate} | **ratios** | Huizong/Hocuspocus p99 ${ratio(ours.p99, hocuspocus.p99)}${paired('p99')}, CPU ${ratio(ours.cpu, hocuspocus.cpu)}${paired('cpu')} | ${toRelay} | | | | | | |`)
    }
  }
}

const main = async () => {
  console.log(`# Huizong benchmark\n\n${new Date().toISOString()} · node ${process.version} · ${SECONDS} s per typing run · command: npm run bench`)
  if (SCENARIOS.includes('one')) await typingTable('One summary, 200 clients, 10 typing', { docs: 1, clientsPerDoc: 200, writersPerDoc: 10 }, RATES ?? (QUICK ? [20] : [5, 20, 50]))
  if (SCENARIOS.includes('many')) await typingTable('40 summaries × 20 clients, 3 typing in each', { docs: 40, clientsPerDoc: 20, writersPerDoc: 3 }, RATES ?? (QUICK ? [10] : [2, 10, 20]))
  if (SCENARIOS.includes('join')) await joinTable()
  if (SCENARIOS.includes('memory')) await memoryTable()
  if (SCENARIOS.includes('scaled')) await scaledTable()
}

/** Cross-process latency: half the clients on each of two processes, beside one process. */
const scaledTable = async () => {
  console.log('\n### One summary, 200 clients, 10 typing at 20 keys/s: one process vs two processes\n')
  if (scaledUnavailable) return console.log(`(skipped: ${scaledUnavailable})`)
  console.log('| set-up | p50 ms | p99 ms | delivered/s | messages/s | lost |')
  console.log('|---|---|---|---|---|---|')
  const options = { docs: 1, clientsPerDoc: 200, writersPerDoc: 10, rate: 20, seconds: SECONDS, warmupSeconds: WARMUP }
  const single = await withServer(startHuizong, (target) => runTyping(target, options))
  console.log(`| Huizong, one process (SQLite) | ${number(single.p50)} | ${number(single.p99)} | ${number(single.deliveredPerSecond, 0)} | ${number(single.messagesPerSecond, 0)} | ${single.lost} |`)
  const scaled = await startScaledHuizong()
  try {
    const result = await runTyping(scaled, options)
    console.log(`| ${scaled.name} | ${number(result.p50)} | ${number(result.p99)} | ${number(result.deliveredPerSecond, 0)} | ${number(result.messagesPerSecond, 0)} | ${result.lost} |`)
  } finally {
    await scaled.stopAll()
  }
}

const joinTable = async () => {
  console.log('\n### 100 clients join a 200 KB summary at once\n')
  console.log('| server | all synced ms | p50 ms | not synced |')
  console.log('|---|---|---|---|')
  const joins = new Map<string, number>()
  for (const [name, results] of await inRounds((target) => runJoin(target, 100, 200 * 1024))) {
    const allSynced = medianOf(results, 'allSynced')
    joins.set(name, allSynced)
    console.log(`| ${name} | ${number(allSynced, 0)} | ${number(medianOf(results, 'p50'), 0)} | ${Math.max(...results.map((result) => result.failed))} |`)
  }
  console.log(`\nHuizong/relay ${ratio(joins.get('Huizong') ?? NaN, joins.get('ws relay') ?? NaN)}, Huizong/Hocuspocus ${ratio(joins.get('Huizong') ?? NaN, joins.get('Hocuspocus') ?? NaN)}`)
}

const memoryTable = async () => {
  console.log('\n### 40 open 200 KB summaries (memory)\n')
  console.log('| server | MB per open summary | RSS before MB | RSS loaded MB | RSS after all left MB | summaries still open after all left |')
  console.log('|---|---|---|---|---|---|')
  for (const [name, results] of await inRounds((target) => runMemory(target, 40, 200 * 1024))) {
    const of = (field: 'perDocument' | 'baseline' | 'loaded' | 'afterLeave', digits = 0) => number(medianOf(results, field), digits)
    const open = results.map((result) => result.openAfterLeave)
    console.log(`| ${name} | ${of('perDocument', 2)} | ${of('baseline')} | ${of('loaded')} | ${of('afterLeave')} | ${open.includes(null) ? '—' : Math.max(...(open as number[]))} |`)
  }
}

// The servers' data directories (one per round) go with the run, as the tests' do.
const removeTemporaryFiles = useTemporaryRoot()
await main()
removeTemporaryFiles()
process.exit(0)
