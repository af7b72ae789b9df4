/** GET /api/templates, POST /api/templates (admin; body = template JSON, validated). */
import { Hono } from 'hono'
import { summariseProblems } from '../../shared/schema/zodIssues.js'
import { validateTemplate } from '../../shared/schema/template.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Store } from '../store/index.js'

export const templateRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  app.get('/', async (c) => c.json(await store.catalog.listTemplates()))

  app.get('/:id', async (c) => {
    const template = await store.catalog.getTemplate(c.req.param('id'))
    if (!template) throw new AppError(404, 'unknown-template', '模板不存在')
    return c.json(template)
  })

  app.post('/', requireRole('admin'), async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError(400, 'invalid-json', '模板不是有效的 JSON 文件')
    })
    const result = validateTemplate(body)
    if (!result.ok) throw new AppError(400, 'invalid-template', `模板有误：${summariseProblems(result.problems)}`, result.problems)
    // Same id: the upload replaces that template (a built-in one too) for new summaries.
    await store.catalog.saveTemplate(result.template)
    return c.json({ id: result.template.id, title: result.template.title }, 201)
  })

  return app
}
