/**
 * Throw-away PostgreSQL and Redis for the scaled-mode tests: Debian's packages (installed here
 * when missing and running as root), started in temp directories on free loopback ports.
 * PostgreSQL refuses to run as root, so it runs as the `postgres` user. When they cannot be had,
 * `servicesUnavailable` says why and the tests are reported as skipped with that reason.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const isRoot = process.getuid?.() === 0

const postgresBin = (): string | null => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const version = readdirSync(root).sort().at(-1)
  return version && existsSync(join(root, version, 'bin', 'initdb')) ? join(root, version, 'bin') : null
}

const ensureInstalled = (): string | null => {
  if (postgresBin() && existsSync('/usr/bin/redis-server')) return null
  if (!isRoot) return 'PostgreSQL/Redis 未安装且当前不是 root：请运行 sudo apt-get install -y postgresql redis-server'
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env })
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql', 'redis-server'], { stdio: 'ignore', env })
  } catch (error) {
    return `无法安装 postgresql / redis-server：${error instanceof Error ? error.message : String(error)}`
  }
  return postgresBin() && existsSync('/usr/bin/redis-server') ? null : '安装后仍找不到 PostgreSQL 或 Redis'
}

/** Why the scaled-mode tests cannot run here, or null when they can. */
export const servicesUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return '仅在 Linux 上启动 PostgreSQL/Redis'
  const missing = ensureInstalled()
  if (missing) return missing
  if (isRoot && !existsSync('/usr/sbin/runuser')) return '需要 runuser 以 postgres 用户启动 PostgreSQL'
  return null
})()

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

const asPostgres = (command: string, args: string[]) =>
  isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' })

export interface Postgres {
  port: number
  /** A new empty database, as a connection URL. */
  createDatabase(): Promise<string>
  stop(): void
}

let databases = 0

/** A new empty database on the PostgreSQL listening on `port`, as a connection URL. */
export const createDatabase = async (port: number): Promise<string> => {
  const name = `huizong_test_${process.pid}_${databases++}`
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  return `postgres://postgres@127.0.0.1:${port}/${name}`
}

export const startPostgres = async (): Promise<Postgres> => {
  const bin = postgresBin()!
  const dir = mkdtempSync(join(tmpdir(), 'huizong-pg-'))
  if (isRoot) {
    const { uid, gid } = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) }
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
  }
  const port = await freePort()
  asPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off`, 'start'])
  return {
    port,
    createDatabase: () => createDatabase(port),
    stop: () => {
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop'])
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Redis {
  url: string
  child: ChildProcess
  stop(): void
}

export const startRedis = async (fixedPort?: number): Promise<Redis> => {
  const port = fixedPort ?? (await freePort())
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' })
  const url = `redis://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.on('connect', () => (socket.end(), resolve(true)))
      socket.on('error', () => resolve(false))
    })
    if (ready) break
    if (Date.now() - started > 10_000) throw new Error('redis-server did not start')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url, child, stop: () => void child.kill('SIGKILL') }
}

/**
 * A loopback TCP proxy to `url` (redis://host:port) that holds what the service sends back for
 * `delayMs`, in order: a process on a far host, whose Redis messages arrive late.
 */
export const startSlowLink = async (url: string, delayMs: number): Promise<{ url: string; stop(): void }> => {
  const target = new URL(url)
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname)
    client.pipe(upstream)
    upstream.on('data', (chunk: Buffer) => setTimeout(() => client.writable && client.write(chunk), delayMs))
    const end = () => (client.destroy(), upstream.destroy())
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', () => setTimeout(end, delayMs))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `redis://127.0.0.1:${port}`, stop: () => void server.close() }
}
