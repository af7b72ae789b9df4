/** Summaries: list, create and archive (admin), and the detail with derived heading numbers and word counts. */
import { Hono } from 'hono'
import { readMeta, writeMeta } from '../../shared/doc/outline.js'
import { saveAsTemplateSchema, summaryBodySchema, summaryPatchSchema } from '../../shared/schema/api.js'
import { compactOfficialForm, describeOfficialForm } from '../../shared/schema/officialForm.js'
import { summariseProblems } from '../../shared/schema/zodIssues.js'
import { validateTemplate } from '../../shared/schema/template.js'
import { AppError } from '../errors.js'
import { templateFromSummary } from '../summary/templateFromSummary.js'
import { recordChange } from './journal.js'
import type { AppEnv } from '../context.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { requireSummary } from './requireSummary.js'
import { createSummary } from '../summary/createSummary.js'
import { copyOfSummary } from '../summary/docFromState.js'
import { parseInput } from '../validate.js'
import { departmentNames, describeSections } from './describeSections.js'

export const summaryRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  // Archived summaries only with ?archived=1: last year's leave the list, never the database.
  app.get('/', async (c) => {
    const all = await store.catalog.listSummaries()
    return c.json(c.req.query('archived') === '1' ? all : all.filter((summary) => summary.archivedAt === undefined))
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
      const { title, year, organisation, dueDate, wordLimit, official } = meta
      return c.json({ id, title, year, organisation, ...(dueDate ? { dueDate } : {}), ...(wordLimit ? { wordLimit } : {}), ...(official ? { official } : {}), sections: describeSections(room.doc, names) })
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
