/**
 * Backups (admin): the list, a backup now, and a backup's file to download. A backup holds
 * everything, password hashes included, so only the admin sees them. With PostgreSQL there are
 * none here: the database is backed up with its own tools.
 */
import { Hono } from 'hono'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { AppEnv } from '../context.js'
import { recordAudit } from './audit.js'
import { AppError } from '../errors.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Backups } from '../store/backups.js'
import type { Store } from '../store/index.js'
import { attachmentHeader } from '../export/exportSummary.js'

const backupsOf = (store: Store): Backups => {
  if (!store.backups) throw new AppError(409, 'backups-unavailable', '使用 PostgreSQL 存储时，请用数据库自身的工具（如 pg_dump）备份')
  return store.backups
}

export const backupRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store), requireRole('admin'))

  app.get('/', (c) => c.json(backupsOf(store).list()))

  app.post('/', async (c) => {
    const backup = await backupsOf(store).create()
    await recordAudit(store, c, 'backup-create', `备份数据库：${backup.name}`)
    return c.json(backup, 201)
  })

  // A backup holds every password hash: who took one away is worth keeping.
  app.get('/:name', async (c) => {
    const file = backupsOf(store).fileOf(c.req.param('name'))
    if (!file) throw new AppError(404, 'unknown-backup', '该备份不存在')
    await recordAudit(store, c, 'backup-download', `下载备份：${c.req.param('name')}`)
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
    return c.body(body, 200, { 'content-type': 'application/vnd.sqlite3', 'content-disposition': attachmentHeader(c.req.param('name')) })
  })

  return app
}
