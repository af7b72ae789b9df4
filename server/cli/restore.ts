/**
 * `npm run restore -- <backup.sqlite>`: puts a backup in place of the database, with the server
 * stopped. The backup is checked first (a readable, whole Huizong database no newer than this
 * version); the database it replaces is first saved beside the backups
 * (huizong-before-restore-….sqlite), so a restore can itself be undone. Refuses while a server
 * answers on HOST:PORT.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chinaClock } from '../../shared/chinaDay.js'
import { readConfig } from '../config.js'
import { backupTo } from '../store/backups.js'
import { openDb } from '../store/db.js'
import { MIGRATIONS } from '../store/migrations.js'

const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true })
const config = readConfig({ ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) })
if (config.databaseUrl) fail('使用 PostgreSQL 存储时，请用数据库自身的工具（如 pg_restore）恢复。')
const source = positionals[0] ? resolve(positionals[0]) : fail('用法：npm run restore -- <备份文件.sqlite> [--data-dir <数据目录>]')
if (!existsSync(source)) fail(`找不到备份文件 ${source}`)

// A running server keeps its database open: replacing the file under it would lose what it writes next.
const address = `http://${config.host}:${config.port}/api/me`
const running = await fetch(address, { signal: AbortSignal.timeout(1500) }).then(
  () => true,
  () => false,
)
if (running) fail(`服务器仍在运行（${address.replace('/api/me', '')}），请先停止服务器再恢复。`)

const checkBackup = (file: string): number => {
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch {
    return fail(`${file} 不是可读取的数据库文件`)
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') fail(`备份文件已损坏（${String(integrity)}），未做任何修改`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) fail('该备份来自更新版本的汇总，请先升级汇总再恢复')
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name))
    if (!tables.has('summaries') || !tables.has('users')) fail(`${file} 不是汇总的数据库备份，未做任何修改`)
    return (db.prepare('SELECT count(*) AS n FROM summaries').get() as { n: number }).n
  } catch (error) {
    return fail(`${file} 不是汇总的数据库备份（${error instanceof Error ? error.message : String(error)}），未做任何修改`)
  } finally {
    db.close()
  }
}

const summaries = checkBackup(source)
const target = join(config.dataDir, 'huizong.sqlite')
let savedAs: string | null = null
if (existsSync(target)) {
  mkdirSync(config.backupDir, { recursive: true })
  savedAs = join(config.backupDir, `huizong-before-restore-${chinaClock(Date.now()).replace(/[-:]/g, '').replace('T', '-')}.sqlite`)
  const current = openDb(config.dataDir)
  try {
    await backupTo(current, savedAs)
  } finally {
    current.close()
  }
}
mkdirSync(config.dataDir, { recursive: true })
for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
copyFileSync(source, target)
console.log(`已从 ${source} 恢复（${summaries} 份总结）到 ${target}。`)
if (savedAs) console.log(`恢复前的数据库已另存为 ${savedAs}，如需撤销，可再用它恢复。`)
console.log('现在可以启动服务器。')
