/**
 * 执笔人: PUT /api/summaries/:id/sections/:sectionId/writer {userId | null} names who in the
 * section's department writes it (or nobody). The admin names anyone of that department who may
 * write; a writer of the department names a colleague or themself, or takes the name away. The
 * department still decides who may write (the guard); the 执笔人 is who is expected to.
 */
import { Hono } from 'hono'
import { canBeWriter, canNameWriter } from '../../shared/roles.js'
import { sectionWriterSchema } from '../../shared/schema/sections.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { refuseReadOnly, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { setWriter } from '../summary/outlineEdits.js'
import { parseInput } from '../validate.js'
import { departmentNames, describeSection, headingOf } from './describeSections.js'
import { recordChange } from './journal.js'
import { requireSection } from './requireSection.js'
import { requireSummary } from './requireSummary.js'

export const sectionWriterRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  app.put('/:id/sections/:sectionId/writer', refuseReadOnly('只读用户不能指定执笔人'), async (c) => {
    const { userId } = parseInput(sectionWriterSchema, await c.req.json().catch(() => null))
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const sectionId = c.req.param('sectionId')
    const user = c.get('user')
    const writer = userId === null ? null : await store.directory.getUser(userId)
    const names = await departmentNames(store)
    return rooms.withRoom(summaryId, async (room) => {
      const section = requireSection(room, sectionId)
      if (!canNameWriter(user, section)) {
        const finalHere = section.status === 'final' && user.role === 'editor' && user.departmentId === section.departmentId
        throw new AppError(403, 'forbidden', finalHere ? '本节已定稿，执笔人只能由管理员更改' : '只有本节所属部门的撰写人或管理员可以指定执笔人')
      }
      if (userId !== null && !(writer && canBeWriter(writer, section.departmentId))) throw new AppError(400, 'invalid-writer', `执笔人应为${names.get(section.departmentId) ?? '本节所属部门'}的撰写人`, [{ path: 'userId', message: '不是本节所属部门的撰写人' }])
      const heading = headingOf(room.doc, sectionId)!
      room.transactServer((doc) => setWriter(doc, sectionId, writer ? { id: writer.id, name: writer.displayName } : null), user.id)
      await recordChange(store, user, summaryId, 'section-edit', writer ? `“${heading}”执笔人：${writer.displayName}` : `“${heading}”不再指定执笔人`, sectionId)
      return c.json(describeSection(room.doc, names, sectionId))
    })
  })

  return app
}
