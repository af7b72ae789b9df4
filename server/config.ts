/** Configuration from the environment (documented in README.md). */
import { join, resolve } from 'node:path'
import { StartupError } from './startupError.js'

const HARD_MESSAGE_LIMIT = 16 * 1024 * 1024

const intFromEnv = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new StartupError(`环境变量 ${name} 应为不小于 0 的整数，现在是“${raw}”。`)
  return value
}

export interface Config {
  host: string
  port: number
  dataDir: string
  adminPassword: string | undefined
  demo: boolean
  maxMessageBytes: number
  compactEvery: number
  /** …or once the log after the snapshot holds this many bytes (a few large pastes). */
  compactBytes: number
  unloadDelayMs: number
  /** How often websocket peers are pinged; one that has not answered by the next round is dropped. */
  heartbeatMs: number
  clientDir: string
  /** postgres://… — store everything in PostgreSQL instead of SQLite. */
  databaseUrl?: string
  /** redis://… — exchange live traffic with other processes. */
  redisUrl?: string
  /** Where the automatic SQLite backups go. */
  backupDir: string
  /** Hours between automatic backups; 0 turns them off. */
  backupIntervalHours: number
  /** How many backups are kept. */
  backupKeep: number
  /** How many 每日自动保存 versions each summary keeps; 0 turns them off. */
  dailyVersionsKeep: number
  /** 登录超时: a session without activity this long ends; 0 never. */
  sessionIdleMs: number
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For, HTTPS from X-Forwarded-Proto. */
  trustProxy: boolean
  /** Worker threads that write exports, each one at a time, beside the event loop. */
  exportWorkers: number
  /** With REDIS_URL: how often each process reads from the store what Redis may not have brought it. */
  catchUpMs: number
}

export const readConfig = (env = process.env): Config => ({
  host: env.HOST || '127.0.0.1',
  port: intFromEnv(env, 'PORT', 8787),
  dataDir: resolve(env.DATA_DIR || './data'),
  adminPassword: env.ADMIN_PASSWORD || undefined,
  demo: env.HUIZONG_DEMO !== '0',
  maxMessageBytes: Math.min(intFromEnv(env, 'MAX_MESSAGE_BYTES', HARD_MESSAGE_LIMIT), HARD_MESSAGE_LIMIT),
  compactEvery: Math.max(1, intFromEnv(env, 'COMPACT_EVERY', 500)),
  compactBytes: Math.max(1024, intFromEnv(env, 'COMPACT_BYTES', 1024 * 1024)),
  unloadDelayMs: intFromEnv(env, 'UNLOAD_DELAY_MS', 2000),
  heartbeatMs: Math.max(100, intFromEnv(env, 'HEARTBEAT_MS', 30_000)),
  clientDir: resolve(env.CLIENT_DIR || './dist'),
  databaseUrl: env.DATABASE_URL || undefined,
  redisUrl: env.REDIS_URL || undefined,
  backupDir: resolve(env.BACKUP_DIR || join(env.DATA_DIR || './data', 'backups')),
  backupIntervalHours: intFromEnv(env, 'BACKUP_INTERVAL_HOURS', 24),
  backupKeep: Math.max(1, intFromEnv(env, 'BACKUP_KEEP', 14)),
  dailyVersionsKeep: intFromEnv(env, 'DAILY_VERSIONS_KEEP', 14),
  sessionIdleMs: intFromEnv(env, 'SESSION_IDLE_SECONDS', 8 * 3600) * 1000,
  trustProxy: env.TRUST_PROXY === '1',
  exportWorkers: Math.max(1, intFromEnv(env, 'EXPORT_WORKERS', 1)),
  catchUpMs: Math.max(100, intFromEnv(env, 'CATCH_UP_MS', 5000)),
})
