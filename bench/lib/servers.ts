/**
 * Starts the servers under test as child processes (so their CPU and memory are their own) and
 * reads their CPU time and RSS from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hocuspocusFraming, plainFraming, type Framing } from './framing.js'

export interface Target {
  name: string
  child: ChildProcess
  framing: Framing
  /** Prepares `count` documents and returns their room names. */
  rooms(count: number): Promise<string[]>
  /** The websocket URL a client of `room` connects to. */
  url(room: string): string
  /** Restarts the process on the same data (Huizong only: memory of a fresh process). */
  restart?(): Promise<Target>
  /** Summaries held in memory now (Huizong only, from /healthz). */
  openDocuments?(): Promise<number>
}

const spawnScript = (script: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const nodeArgs = [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', script]
    // BENCH_SERVER_CPUS=1: the server runs on that core alone (taskset execs, so the pid, whose
    // CPU time is read, stays the server's); see bench/RESULTS.md for why that is worth doing.
    const cpus = process.env.BENCH_SERVER_CPUS
    const [command, args] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs]
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) resolve({ child, url: match[1]! })
    })
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)))
  })

const ADMIN_PASSWORD = 'bench-admin-password'

/**
 * A typing run is 6 s: at 3 × 20 keys/s a summary logs 360 updates, short of the default
 * COMPACT_EVERY (500), so a server compacting by default would never compact while measured.
 * At 300 every summary compacts inside the measured seconds, as a long-running server does.
 */
const BENCH_COMPACT_EVERY = '300'

export const startHuizong = async (dataDir = mkdtempSync(join(tmpdir(), 'huizong-bench-')), env: Record<string, string> = {}): Promise<Target> => {
  const settings = { PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD, UNLOAD_DELAY_MS: '500', BACKUP_INTERVAL_HOURS: '0', DAILY_VERSIONS_KEEP: '0', COMPACT_EVERY: process.env.COMPACT_EVERY ?? BENCH_COMPACT_EVERY, ...env }
  const { child, url } = await spawnScript('server/main.ts', settings, /已启动：(http:\/\/\S+)/)
  const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  return {
    name: 'Huizong',
    child,
    framing: plainFraming,
    rooms: async (count) => {
      const existing = (await (await fetch(`${url}/api/summaries`, { headers })).json()) as Array<{ id: string }>
      while (existing.length < count) {
        const created = await fetch(`${url}/api/summaries`, { method: 'POST', headers, body: JSON.stringify({ templateId: 'park-annual', year: 2026, organisation: `基准测试园区${existing.length}` }) })
        existing.push((await created.json()) as { id: string })
      }
      return existing.slice(0, count).map((summary) => summary.id)
    },
    url: (room) => `${url.replace('http', 'ws')}/collab/${room}?token=${token}`,
    restart: async () => {
      await stop(child)
      return startHuizong(dataDir)
    },
    openDocuments: async () => ((await (await fetch(`${url}/healthz`)).json()) as { openSummaries: number }).openSummaries,
  }
}

export const startRelay = async (): Promise<Target> => {
  const { child, url } = await spawnScript('bench/relay.ts', { PORT: '0' }, /listening on (ws:\/\/\S+)/)
  return { name: 'ws relay', child, framing: plainFraming, rooms: async (count) => Array.from({ length: count }, (_, index) => `room-${index}`), url: (room) => `${url}/${room}` }
}

export const startHocuspocus = async (): Promise<Target> => {
  const { child, url } = await spawnScript('bench/hocuspocus.ts', {}, /listening on (ws:\/\/\S+)/)
  return { name: 'Hocuspocus', child, framing: hocuspocusFraming, rooms: async (count) => Array.from({ length: count }, (_, index) => `room-${index}`), url: () => url }
}

export const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export const rssMegabytes = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((row) => row.startsWith('VmRSS:'))!
  return Number(line.replace(/\D+/g, '')) / 1024
}

export const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
