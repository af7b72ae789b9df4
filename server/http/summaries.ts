/**
 * Summaries: list, create, archive and delete (admin: into the 回收站, back out, or for good
 * from there), and the detail with derived heading numbers and word counts.
 */
import { Hono } from 'hono'
import { readMeta, writeMeta } from '../../shared/doc/outline.js'
import { saveAsTemplateSchema, summaryBodySchema, summaryCopySchema, summaryPatchSchema } from '../../shared/schema/api.js'
import { compactOfficialForm, describeOfficialForm } from '../../shared/officialForm.js'
import { summariseProblems } from '../../shared/schema/zodIssues.js'
import { validateTemplate } from '../../shared/schema/template.js'
import { AppError } from '../errors.js'
import { templateFromSummary } from '../summary/templateFromSummary.js'
import { recordChange } from './journal.js'
import type { AppEnv } from '../context.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { formatChineseDate } from '../../shared/chinaDay.js'
import { requireDeletedSummary, requireSummary } from './requireSummary.js'
import { recordAudit } from './audit.js'
import type { UserSockets } from '../collab/userSockets.js'
import { createSummary, storeNewSummary } from '../summary/createSummary.js'
import { makeCopyOf } from '../summary/copySummary.js'
import { copyOfSummary } from '../summary/docFromState.js'
import { parseInput } from '../validate.js'
import { departmentNames, describeSections } from './describeSections.js'

export const summaryRoutes = (store: Store, rooms: Rooms, userSockets: UserSockets) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  // Archived summaries only with ?archived=1: last year's leave the list, never the database.
  // ?deleted=1 (admin): the 回收站 instead.
  app.get('/', async (c) => {
    if (c.req.query('deleted') === '1') {
      if (c.get('user').role !== 'admin') throw new AppError(403, 'forbidden', '只有管理员可以查看回收站')
      return c.json(await store.catalog.listDeleted())
    }
    const all = await store.catalog.listSummaries()
    return c.json(c.req.query('archived') === '1' ? all : all.filter((summary) => summary.archivedAt === undefined))
  })

  // 删除 moves a summary to the 回收站: it leaves every list, its pages close, and nothing of it
  // changes until the admin restores it (?permanent=1, for one already there: deleted for good).
  app.delete('/:id', requireRole('admin'), async (c) => {
    const user = c.get('user')
    if (c.req.query('permanent') === '1') {
      const record = await requireDeletedSummary(store, c.req.param('id'))
      await userSockets.closeSummary(record.id)
      await rooms.evict(record.id)
      await store.catalog.purgeSummary(record.id)
      await recordAudit(store, c, 'summary-purge', `彻底删除总结“${record.title}”（${record.id}，${formatChineseDate(new Date(record.deletedAt ?? 0))}移入回收站）`)
      return c.json({ id: record.id, purged: true })
    }
    const record = await requireSummary(store, c.req.param('id'))
    const deleted = (await store.catalog.setDeleted(record.id, user.displayName))!
    await userSockets.closeSummary(record.id)
    await recordChange(store, user, record.id, 'summary', '移入回收站')
    await recordAudit(store, c, 'summary-delete', `总结“${record.title}”（${record.id}）移入回收站`)
    return c.json(deleted)
  })

  // 复制 (copySummary.ts): a new summary starting where this one stands.
  app.post('/:id/copy', requireRole('admin'), async (c) => {
    const { title } = parseInput(summaryCopySchema, await c.req.json().catch(() => ({})))
    const source = await requireSummary(store, c.req.param('id'))
    const doc = await copyOfSummary(rooms, source.id)
    try {
      makeCopyOf(doc, title ?? `${source.title}（副本）`)
      const copy = await storeNewSummary(store, doc, c.get('user').id)
      await recordChange(store, c.get('user'), copy.id, 'summary', `复制自“${source.title}”`)
      return c.json(copy, 201)
    } finally {
      doc.destroy()
    }
  })

  app.post('/:id/restore', requireRole('admin'), async (c) => {
    const record = await requireDeletedSummary(store, c.req.param('id'))
    const restored = (await store.catalog.setDeleted(record.id, null))!
    await recordChange(store, c.get('user'), record.id, 'summary', '从回收站恢复')
    await recordAudit(store, c, 'summary-restore', `总结“${record.title}”（${record.id}）从回收站恢复`)
    return c.json(restored)
  })

  // Title, deadline and 公文格式 live in the doc's meta, so every open page shows a change at
  // once (and a version keeps them as they were); the title is also in the catalog, for the list.
  app.patch('/:id', requireRole('admin'), async (c) => {
    const { title, archived, dueDate, wordLimit, official: asked } = parseInput(summaryPatchSchema, await c.req.json().catch(() => null))
    const official = asked === undefined ? undefined : asked && compactOfficialForm(asked)
    let record = await requireSummary(store, c.req.param('id'))
    // Archiving alone never opens the summary (a summary whose data cannot be read can be archived).
    if (title !== undefined || dueDate !== undefined || official !== undefined || wordLimit !== undefined) {
      await rooms.withRoom(record.id, (room) => room.transactServer((doc) => writeMeta(doc, { title, dueDate, official, wordLimit }), c.get('user').id))
    }
    const user = c.get('user')
    if (wordLimit !== undefined) await recordChange(store, user, record.id, 'summary', wordLimit ? `全文字数上限设为 ${wordLimit} 字` : '取消全文字数上限')
    if (official !== undefined) await recordChange(store, user, record.id, 'summary', official ? `公文格式：${describeOfficialForm(official)}` : '清除公文格式')
    if (title !== undefined) {
      await recordChange(store, user, record.id, 'summary', `标题“${record.title}”→“${title}”`)
      record = (await store.catalog.setTitle(record.id, title)) ?? record
    }
    if (dueDate !== undefined) await recordChange(store, user, record.id, 'summary', dueDate ? `截止日期设为 ${dueDate}` : '取消截止日期')
    if (archived !== undefined) {
      record = (await store.catalog.setArchived(record.id, archived)) ?? record
      await recordChange(store, user, record.id, 'summary', archived ? '归档' : '取消归档')
    }
    return c.json({ ...record, ...(dueDate ? { dueDate } : {}), ...(wordLimit ? { wordLimit } : {}), ...(official ? { official } : {}) })
  })

  app.post('/', requireRole('admin'), async (c) => {
    const { basedOn, ...body } = parseInput(summaryBodySchema, await c.req.json().catch(() => null))
    const earlierId = basedOn ? (await requireSummary(store, basedOn)).id : undefined
    const earlier = earlierId ? { id: earlierId, doc: await copyOfSummary(rooms, earlierId) } : undefined
    try {
      const { id } = await createSummary(store, body, c.get('user').id, earlier)
      await recordChange(store, c.get('user'), id, 'summary', `新建总结（模板“${body.templateId}”${earlier ? '，沿用往年总结的提纲和指标' : ''}）`)
      return c.json({ id }, 201)
    } finally {
      earlier?.doc.destroy()
    }
  })

  app.get('/:id', async (c) => {
    const record = await requireSummary(store, c.req.param('id'))
    const names = await departmentNames(store)
    return rooms.withRoom(record.id, (room) => {
      const meta = readMeta(room.doc)
      const { id } = record
      const { title, year, organisation, dueDate, wordLimit, official, period } = meta
      return c.json({ id, title, year, organisation, ...(dueDate ? { dueDate } : {}), ...(wordLimit ? { wordLimit } : {}), ...(official ? { official } : {}), ...(period ? { period } : {}), sections: describeSections(room.doc, names) })
    })
  })

  // 另存为模板: the structure as a template, to download (GET) or to keep among the templates (POST, admin).
  const templateOf = async (summaryId: string, id: string, title?: string) => {
    const names = await departmentNames(store)
    const candidate = await rooms.withRoom(summaryId, (room) => templateFromSummary(room.doc, (departmentId) => names.get(departmentId), id, title))
    const result = validateTemplate(candidate)
    if (!result.ok) throw new AppError(400, 'invalid-template', `无法生成模板：${summariseProblems(result.problems)}`, result.problems)
    return result.template
  }

  app.get('/:id/template', requireRole('admin'), async (c) => {
    const record = await requireSummary(store, c.req.param('id'))
    return c.json(await templateOf(record.id, c.req.query('templateId') || `${record.templateId.slice(0, 57)}-custom`))
  })

  app.post('/:id/template', requireRole('admin'), async (c) => {
    const { id, title, replace } = parseInput(saveAsTemplateSchema, await c.req.json().catch(() => null))
    const record = await requireSummary(store, c.req.param('id'))
    if (!replace && (await store.catalog.getTemplate(id))) throw new AppError(409, 'template-exists', `模板“${id}”已存在`, [{ path: 'id', message: '该模板编号已被使用' }])
    const template = await templateOf(record.id, id, title)
    await store.catalog.saveTemplate(template)
    return c.json({ id: template.id, title: template.title }, 201)
  })

  return app
}
