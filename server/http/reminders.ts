/**
 * 催办: POST /api/summaries/:id/reminders (admin or leader) leaves a comment on every section
 * not yet handed in (撰写中; a bare heading over sub-sections, with no text of its own, aside) —
 * on the whole section, mentioning its department (and naming its 执笔人, if any) — saying what is
 * expected and by when, so each department finds it on its sections and in its line of the list.
 * A section that already carries an open reminder gets no second one. Answers how many were left.
 */
import { Hono } from 'hono'
import { formatMonthDay } from '../../shared/chinaDay.js'
import { readThreads } from '../../shared/doc/comments.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { countSubsections } from '../../shared/numbering.js'
import { REMINDER_PREFIX } from '../../shared/workflow.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import { requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { sectionStartAnchors, writeThread } from '../summary/writeThread.js'
import { recordChange } from './journal.js'
import { requireSummary } from './requireSummary.js'

export const reminderRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  app.post('/:id/reminders', async (c) => {
    const user = c.get('user')
    if (user.role !== 'admin' && user.role !== 'leader') throw new AppError(403, 'forbidden', '只有管理员和领导可以催办')
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const names = new Map((await store.directory.listDepartments()).map((department) => [department.id, department.name]))
    const reminded = await rooms.withRoom(summaryId, (room) => {
      const { dueDate } = readMeta(room.doc)
      const reminding = new Set(readThreads(room.doc).filter((thread) => !thread.resolved && thread.text.startsWith(REMINDER_PREFIX)).map((thread) => thread.sectionId))
      const outline = readOutline(room.doc)
      const levels = outline.map((section) => section.level)
      // A heading over sub-sections with no text of its own has nothing to hand in but its children.
      const bareHeading = (index: number) => countSubsections(levels, index) > 0 && readSectionBlocks(room.doc, outline[index]!.id).length === 0
      const sections = outline.filter((section, index) => section.status === 'drafting' && !reminding.has(section.id) && !bareHeading(index))
      if (sections.length === 0) return []
      room.transactServer((doc) => {
        for (const section of sections) {
          const department = names.get(section.departmentId)
          const writer = section.writer ? `（执笔：${section.writer.name}）` : ''
          const text = `${REMINDER_PREFIX}本节尚未提交审核${writer}，请抓紧撰写${dueDate ? `，于${formatMonthDay(dueDate)}前` : '并'}提交。${department ? ` @${department}` : ''}`
          writeThread(doc, createId(), { sectionId: section.id, ...sectionStartAnchors(doc, section.id), text, mentions: [section.departmentId], mentionedPeople: section.writer ? [section.writer.id] : [], authorId: user.id, authorName: user.displayName, departmentId: user.departmentId })
        }
      }, user.id)
      return sections
    })
    if (reminded.length) await recordChange(store, user, summaryId, 'section-status', `催办 ${reminded.length} 个未提交的章节`)
    return c.json({ reminded: reminded.length }, reminded.length ? 201 : 200)
  })

  return app
}
