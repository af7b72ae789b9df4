/**
 * POST /api/summaries/:id/earlier-from-docx[?dryRun=1] (admin), body = last year's .docx: the
 * file's text shared out to this summary's sections by their headings; without dryRun it is kept
 * as an archived summary this one continues (meta.basedOn). Answers which sections get last
 * year's text (and how many paragraphs), the headings that name none, and how many paragraphs
 * stay out. A summary that already continues another is refused (409), as is a file with no
 * section's heading over some text (400).
 */
import { Hono } from 'hono'
import * as Y from 'yjs'
import { readMeta, writeMeta } from '../../shared/doc/outline.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { copyOfSummary } from '../summary/docFromState.js'
import { buildEarlierFromWord, splitEarlierText } from '../summary/earlierFromWord.js'
import { readUploadedDocx } from '../upload/docxText.js'
import { recordChange } from './journal.js'
import { requireSummary } from './requireSummary.js'

const refuseIfContinuing = (doc: Y.Doc): void => {
  if (readMeta(doc).basedOn) throw new AppError(409, 'earlier-exists', '本总结已沿用往年总结，可在各章节“查看上年这一节”中查看上年内容')
}

export const earlierFromWordRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  app.post('/:id/earlier-from-docx', requireRole('admin'), async (c) => {
    const user = c.get('user')
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const { name, paragraphs } = await readUploadedDocx(c)
    const current = await copyOfSummary(rooms, summaryId)
    try {
      refuseIfContinuing(current)
      const split = splitEarlierText(current, paragraphs)
      const sections = split.parts.map((part) => ({ sectionId: part.sectionId, paragraphs: part.blocks.filter((block) => block.text.trim()).length })).filter((part) => part.paragraphs > 0)
      if (sections.length === 0) throw new AppError(400, 'no-matching-headings', '文件中没有与本总结章节同名、且其下有文字的标题，无法对应到各章节')
      const answer = { sections, unmatched: split.unmatched, skipped: split.skipped }
      if (c.req.query('dryRun') === '1') return c.json(answer)
      const { doc, title, year } = buildEarlierFromWord(current, paragraphs, split)
      const meta = readMeta(current)
      const earlierId = createId()
      try {
        await store.catalog.insertSummary({ id: earlierId, title, year, organisation: meta.organisation, templateId: meta.templateId, createdAt: Date.now() }, user.id, Y.encodeStateAsUpdate(doc))
      } finally {
        doc.destroy()
      }
      await store.catalog.setArchived(earlierId, true)
      await rooms.withRoom(summaryId, (room) => {
        refuseIfContinuing(room.doc) // another admin's import meanwhile
        return room.transactServer((live) => writeMeta(live, { basedOn: earlierId }), user.id)
      })
      await recordChange(store, user, summaryId, 'summary', `导入上年总结${name ? `“${name}”` : ''}（${answer.sections.length} 个章节）`)
      return c.json({ ...answer, earlierId, title }, 201)
    } finally {
      current.destroy()
    }
  })

  return app
}
