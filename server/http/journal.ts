/**
 * 操作记录 of a summary: GET …/journal (anyone who reads the summary: who approved, who changed a
 * figure, is no secret among its writers), and `recordChange`, which the routes call after a
 * change took effect. A journal line that cannot be written is logged, never turned into a
 * failure of the change it describes.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../context.js'
import { requireUser } from '../auth/session.js'
import type { User } from '../store/directory.js'
import type { Store } from '../store/index.js'
import type { JournalAction } from '../store/journal.js'
import { requireSummary } from './requireSummary.js'

export const recordChange = async (store: Store, user: User, summaryId: string, action: JournalAction, detail: string, sectionId: string | null = null): Promise<void> => {
  try {
    await store.journal.record({ summaryId, at: Date.now(), userId: user.id, userName: user.displayName, action, sectionId, detail })
  } catch (error) {
    console.error('[journal] could not record', action, detail, error)
  }
}

export const journalRoutes = (store: Store) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))
  app.get('/:id/journal', async (c) => {
    const record = await requireSummary(store, c.req.param('id'))
    return c.json((await store.journal.list(record.id)).map(({ summaryId: _summaryId, ...entry }) => entry))
  })
  return app
}
