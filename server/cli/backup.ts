/**
 * `npm run backup [-- --out <file>]`: a backup of the SQLite database, taken beside a running
 * server (SQLite's online backup; WAL lets it read while the server writes), checked before it is
 * kept. Without --out it goes where the automatic ones go (BACKUP_DIR, default DATA_DIR/backups),
 * and the oldest beyond BACKUP_KEEP are removed. For cron or before an upgrade.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readConfig } from '../config.js'
import { backupTo } from '../store/backups.js'
import { openStore } from '../store/index.js'

const { values } = parseArgs({ options: { out: { type: 'string' }, 'data-dir': { type: 'string' } } })
const config = readConfig({ ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) })
if (config.databaseUrl) {
  console.error('使用 PostgreSQL 存储时，请用数据库自身的工具（如 pg_dump）备份。')
  process.exit(1)
}
if (!existsSync(join(config.dataDir, 'huizong.sqlite'))) {
  console.error(`数据目录 ${config.dataDir} 中没有数据库（huizong.sqlite），请用 DATA_DIR 或 --data-dir 指定。`)
  process.exit(1)
}
const store = openStore(config.dataDir, { dir: config.backupDir, keep: config.backupKeep })
try {
  if (values.out) {
    await backupTo(store.db, resolve(values.out))
    console.log(`已备份到 ${resolve(values.out)}`)
  } else {
    const backup = await store.backups.create()
    console.log(`已备份到 ${join(config.backupDir, backup.name)}（${(backup.size / 1024 / 1024).toFixed(1)} MB）`)
  }
} catch (error) {
  console.error(`备份失败：${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await store.close()
}
