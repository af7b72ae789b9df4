/**
 * Fan-out benchmark (`npm run bench`): many lightweight protocol clients on one summary, a few
 * of them typing, against Huizong and, in the same run, a plain `ws` relay that does no Yjs work.
 * Prints delivered updates/s, p50/p99 fan-out latency, lost updates, server CPU and RSS.
 * Options: BENCH_CLIENTS (200), BENCH_WRITERS (10), BENCH_RATE keys/s per writer (20),
 * BENCH_SECONDS (10).
 */
import { ADMIN_PASSWORD, cpuSeconds, rssMegabytes, startHuizong, startRelay, stop, type ServerProcess } from './lib/processes.js'
import { Receiver, Writer } from './lib/clients.js'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200)
const WRITERS = Number(process.env.BENCH_WRITERS ?? 10)
const RATE = Number(process.env.BENCH_RATE ?? 20)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SECTIONS = ['overview', 'economy', 'investment', 'investment-channels', 'investment-service', 'construction', 'safety', 'party', 'union', 'problems']

interface Result {
  name: string
  deliveredPerSecond: number
  p50: number
  p99: number
  lost: number
  cpu: number
  rss: number
}

const percentile = (sorted: number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const prepareHuizong = async (server: ServerProcess) => {
  const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  const summaries = (await (await fetch(`${server.url}/api/summaries`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ id: string }>
  return `${server.url.replace('http', 'ws')}/collab/${summaries[0]!.id}?token=${token}`
}

const run = async (server: ServerProcess, url: string): Promise<Result> => {
  const receivers = Array.from({ length: CLIENTS - WRITERS }, () => new Receiver(url))
  const writers = Array.from({ length: WRITERS }, (_, index) => new Writer(url, `section:${SECTIONS[index % SECTIONS.length]}`))
  await Promise.all([...receivers, ...writers].map((client) => client.opened()))
  await sleep(500)
  const pid = server.child.pid!
  const cpuBefore = cpuSeconds(pid)
  const started = performance.now()
  const interval = 1000 / RATE
  const timers = writers.map((writer, index) =>
    setTimeout(() => {
      const timer = setInterval(() => writer.type(), interval)
      timers.push(timer)
    }, (interval / WRITERS) * index),
  )
  await sleep(SECONDS * 1000)
  for (const timer of timers) clearInterval(timer)
  const elapsed = (performance.now() - started) / 1000
  await sleep(1500) // let the last updates arrive
  const cpu = (cpuSeconds(pid) - cpuBefore) / elapsed
  const rss = rssMegabytes(pid)
  const latencies = receivers.flatMap((receiver) => receiver.latencies).sort((a, b) => a - b)
  let lost = 0
  for (const receiver of receivers) {
    for (const writer of writers) lost += Math.max(0, writer.clock - (receiver.seen.get(writer.doc.clientID) ?? 0))
  }
  for (const client of [...receivers, ...writers]) client.close()
  return { name: server.name, deliveredPerSecond: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), lost, cpu, rss }
}

const format = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—')

const main = async () => {
  console.log(`Fan-out: ${CLIENTS} clients on one summary, ${WRITERS} typing ${RATE} keys/s for ${SECONDS} s (node ${process.version})`)
  const results: Result[] = []
  const relay = await startRelay()
  results.push(await run(relay, `${relay.url}/bench-room`))
  await stop(relay)
  const huizong = await startHuizong()
  results.push(await run(huizong, await prepareHuizong(huizong)))
  await stop(huizong)

  console.log('\n| server | delivered updates/s | p50 ms | p99 ms | lost | server CPU (cores) | RSS MB |')
  console.log('|---|---|---|---|---|---|---|')
  for (const result of results) {
    console.log(`| ${result.name} | ${format(result.deliveredPerSecond, 0)} | ${format(result.p50)} | ${format(result.p99)} | ${result.lost} | ${format(result.cpu, 2)} | ${format(result.rss, 0)} |`)
  }
  const [relayResult, ours] = results as [Result, Result]
  console.log(`\nHuizong / relay: throughput ${format(ours.deliveredPerSecond / relayResult.deliveredPerSecond, 2)}×, p50 ${format(ours.p50 / relayResult.p50, 2)}×, p99 ${format(ours.p99 / relayResult.p99, 2)}×`)
}

await main()
