/**
 * GET /api/search?q=营商环境: the phrase in every summary in use (archived ones too, last year's
 * above all — not those in the 回收站), newest first, at most MAX_HITS hits. Anyone signed in
 * may read any summary, so anyone may search them all.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { searchSummary, type SearchHit } from '../../shared/searchSummary.js'
import type { AppEnv } from '../context.js'
import { requireUser } from '../auth/session.js'
import { SummaryUnavailable, type Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { parseInput } from '../validate.js'

const MAX_HITS = 200
const searchQuerySchema = z.object({ q: z.string().trim().min(2, { error: '请输入至少两个字' }).max(50, { error: '最多 50 个字' }) })

export const searchRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  app.get('/', async (c) => {
    const { q } = parseInput(searchQuerySchema, c.req.query())
    const hits: Array<SearchHit & { summaryId: string; title: string; year: number }> = []
    let truncated = false
    for (const summary of await store.catalog.listSummaries()) {
      if (hits.length >= MAX_HITS) {
        truncated = true
        break
      }
      try {
        const found = await rooms.withRoom(summary.id, (room) => searchSummary(room.doc, q, MAX_HITS - hits.length + 1))
        if (hits.length + found.length > MAX_HITS) truncated = true
        for (const hit of found.slice(0, MAX_HITS - hits.length)) hits.push({ summaryId: summary.id, title: summary.title, year: summary.year, ...hit })
      } catch (error) {
        // One summary that cannot be read does not stop the search through the others.
        if (!(error instanceof SummaryUnavailable)) throw error
      }
    }
    return c.json({ query: q, hits, truncated })
  })

  return app
}
