/**
 * 安全审计 (admin): GET /api/audit[?before=<ms>[&beforeId=<id>]][&format=xlsx] — sign-ins, passwords, accounts,
 * departments, templates and backups, newest first (server/store/audit.ts). `recordAudit` is how
 * the routes write it: after the change, never failing the request it describes.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireRole, requireUser } from '../auth/session.js'
import { writeTableSheet } from '../export/tableSheet.js'
import { formatChinaTime } from '../../shared/chinaDay.js'
import { AUDIT_LABELS, type AuditAction, type AuditCursor } from '../../shared/audit.js'
import type { Store } from '../store/index.js'
import { listFormat, sheetAnswer } from './sheetAnswer.js'

/**
 * `actor`: who acted when it is not the signed-in user — the one just signed in, or for a failed
 * sign-in the user name that was tried (no id).
 */
export const recordAudit = async (store: Store, c: Context<AppEnv>, action: AuditAction, detail: string, actor?: { id: string | null; name: string }): Promise<void> => {
  const user = c.get('user') as AppEnv['Variables']['user'] | undefined
  const who = actor ?? { id: user?.id ?? null, name: user?.displayName ?? '' }
  const address = c.get('address')
  try {
    await store.audit.record({ at: Date.now(), actorId: who.id, actorName: who.name, action, detail, address })
  } catch (error) {
    console.error('[audit] could not record', action, detail, error)
  }
}

/** The next page starts after the last entry shown: its time and id (the id alone is meaningless). */
const cursorOf = (before: string | undefined, beforeId: string | undefined): AuditCursor | undefined => {
  if (before !== undefined && !/^\d{1,15}$/.test(before)) throw new AppError(400, 'invalid-input', 'before 应为毫秒时间戳')
  if (beforeId !== undefined && (before === undefined || !/^\d{1,15}$/.test(beforeId))) throw new AppError(400, 'invalid-input', 'beforeId 应为记录编号，并与 before 一起给出')
  if (before === undefined) return undefined
  return { at: Number(before), id: beforeId === undefined ? undefined : Number(beforeId) }
}

export const auditRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store), requireRole('admin'))

  app.get('/', async (c) => {
    const entries = await store.audit.list(cursorOf(c.req.query('before'), c.req.query('beforeId')))
    if (listFormat(c.req.query('format')) === 'json') return c.json(entries)
    const body = await writeTableSheet({
      name: '安全审计',
      title: '安全审计记录',
      columns: [
        { header: '时间', width: 20 },
        { header: '操作人', width: 14 },
        { header: '操作', width: 14, centred: true },
        { header: '内容', width: 50 },
        { header: '地址', width: 18 },
      ],
      rows: entries.map((entry) => [formatChinaTime(entry.at), entry.actorName, AUDIT_LABELS[entry.action], entry.detail, entry.address]),
    })
    return sheetAnswer(c, body, '安全审计记录.xlsx')
  })

  return app
}
