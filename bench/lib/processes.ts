/** Starts the servers under test as child processes and reads their CPU time and RSS. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ServerProcess {
  name: string
  url: string
  child: ChildProcess
}

const TICKS_PER_SECOND = 100

/** Spawns `script` under tsx and waits for a line matching `ready` that contains the URL. */
const spawnScript = (name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) resolve({ name, url: match[1]!, child })
    })
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)))
  })

export const ADMIN_PASSWORD = 'bench-admin-password'

export const startHuizong = (): Promise<ServerProcess> =>
  spawnScript(
    'huizong',
    'server/main.ts',
    { PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'huizong-bench-')), ADMIN_PASSWORD, HUIZONG_DEMO: '1' },
    /已启动：(http:\/\/\S+)/,
  )

export const startRelay = (): Promise<ServerProcess> => spawnScript('ws relay', 'bench/relay.ts', { PORT: '0' }, /listening on (ws:\/\/\S+)/)

/** CPU seconds (user + system) the process has used so far. */
export const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

export const rssMegabytes = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((row) => row.startsWith('VmRSS:'))!
  return Number(line.replace(/\D+/g, '')) / 1024
}

export const stop = (server: ServerProcess): Promise<void> =>
  new Promise((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill('SIGTERM')
  })
