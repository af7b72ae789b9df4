/**
 * GET /api/templates, POST /api/templates (admin; body = template JSON, validated), and
 * POST /api/templates/from-docx?id=…&levels=2 (admin): the outline of a Word summary as a
 * template to look at and then save (shared/outlineFromText.ts); nothing is stored.
 * DELETE /api/templates/:id (admin): one the office added; not a built-in.
 */
import { Hono } from 'hono'
import { summariseProblems } from '../../shared/schema/zodIssues.js'
import { z } from 'zod'
import { outlineFromParagraphs, templateFromOutline } from '../../shared/outlineFromText.js'
import { idSchema, validateTemplate } from '../../shared/schema/template.js'
import type { AppEnv } from '../context.js'
import { recordAudit } from './audit.js'
import { AppError } from '../errors.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Store } from '../store/index.js'
import { readUploadedDocx } from '../upload/docxText.js'
import { parseInput } from '../validate.js'
import { BUILTIN_TEMPLATES } from '../templates/builtin.js'

const fromDocxQuerySchema = z.object({ id: idSchema, levels: z.coerce.number().int().min(1).max(4).default(2) })

const isBuiltinId = (id: string): boolean => BUILTIN_TEMPLATES.some((template) => template.id === id)

export const templateRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  // `deletable`: one the office added (a built-in id stays, even where an upload replaced it).
  app.get('/', async (c) => c.json((await store.catalog.listTemplates()).map((template) => ({ ...template, deletable: !isBuiltinId(template.id) }))))

  app.get('/:id', async (c) => {
    const template = await store.catalog.getTemplate(c.req.param('id'))
    if (!template) throw new AppError(404, 'unknown-template', '模板不存在')
    return c.json(template)
  })

  app.post('/from-docx', requireRole('admin'), async (c) => {
    const { id, levels } = parseInput(fromDocxQuerySchema, c.req.query())
    const { paragraphs } = await readUploadedDocx(c)
    const draft = outlineFromParagraphs(paragraphs, levels)
    if (draft.headings.length === 0) throw new AppError(400, 'no-headings', '没有找到以“一、”“（一）”等编号开头的标题，无法生成提纲')
    const result = validateTemplate(templateFromOutline(draft, id))
    if (!result.ok) throw new AppError(400, 'invalid-template', `生成的模板有误：${summariseProblems(result.problems)}`, result.problems)
    return c.json(result.template)
  })

  app.post('/', requireRole('admin'), async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError(400, 'invalid-json', '模板不是有效的 JSON 文件')
    })
    const result = validateTemplate(body)
    if (!result.ok) throw new AppError(400, 'invalid-template', `模板有误：${summariseProblems(result.problems)}`, result.problems)
    // Same id: the upload replaces that template (a built-in one too) for new summaries.
    const replaced = await store.catalog.getTemplate(result.template.id)
    await store.catalog.saveTemplate(result.template)
    await recordAudit(store, c, 'template-save', `${replaced ? '替换' : '上传'}模板“${result.template.title}”（${result.template.id}）`)
    return c.json({ id: result.template.id, title: result.template.title }, 201)
  })

  // A template the office uploaded or saved can go; a built-in one stays (an upload of its id
  // replaces it instead), so every installation keeps the built-in ones it started with.
  app.delete('/:id', requireRole('admin'), async (c) => {
    const id = c.req.param('id')
    if (isBuiltinId(id)) throw new AppError(409, 'template-builtin', '内置模板不能删除；如需修改，可上传同编号的模板替换它')
    const template = await store.catalog.getTemplate(id)
    if (!template) throw new AppError(404, 'unknown-template', '模板不存在')
    await store.catalog.deleteTemplate(id)
    await recordAudit(store, c, 'template-delete', `删除模板“${template.title}”（${id}）`)
    return c.json({ id, deleted: true })
  })

  return app
}
