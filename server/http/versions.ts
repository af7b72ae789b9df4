/**
 * Named versions (初稿、送审稿、定稿…): the admin takes one at any time; it stores the full Yjs
 * state, so opening and exporting it later gives exactly the text of that moment. Sections can be
 * compared with a version paragraph by paragraph, and a section's text put back as it was.
 */
import { Hono, type Context } from 'hono'
import * as Y from 'yjs'
import { diffParagraphs } from '../../shared/diffParagraphs.js'
import { readOutline } from '../../shared/doc/outline.js'
import { versionCreateSchema } from '../../shared/schema/sections.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireUser } from '../auth/session.js'
import type { Room } from '../collab/room.js'
import type { Rooms } from '../collab/rooms.js'
import type { ExportPool } from '../export/exportPool.js'
import { dispositionOf, exportChoicesOf, isExportFormat, unknownFormatMessage, versionToCompare } from '../export/exportSummary.js'
import type { Store } from '../store/index.js'
import { copyOfSummary, docFromState } from '../summary/docFromState.js'
import { findEntryIndex } from '../summary/outlineEdits.js'
import { autoVersionName, takeVersion } from '../summary/versions.js'
import { replaceSectionText, sameSectionText } from '../summary/restoreSection.js'
import { readIndicators } from '../../shared/doc/indicators.js'
import { sameParagraphs, sectionParagraphs } from '../summary/sectionParagraphs.js'
import { canWriteSection } from '../../shared/roles.js'
import { departmentNames, describeSections, headingOf } from './describeSections.js'
import { requireSummary } from './requireSummary.js'
import { parseInput } from '../validate.js'
import { recordChange } from './journal.js'

/** A section's text as it was in `state` (a full state of the summary). */
const putBack = (room: Room, state: Uint8Array, sectionId: string, authorId: string) => {
  const was = docFromState(state)
  try {
    room.transactServer((doc) => replaceSectionText(doc, was, sectionId), authorId, [sectionId])
  } finally {
    was.destroy()
  }
}

export const versionRoutes = (store: Store, rooms: Rooms, exports: ExportPool) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  const summaryOf = async (c: Context<AppEnv>) => (await requireSummary(store, c.req.param('id'))).id
  const versionOf = async (c: Context<AppEnv>) => {
    const version = await store.versions.get(await summaryOf(c), c.req.param('versionId') ?? '')
    if (!version) throw new AppError(404, 'unknown-version', '该版本不存在')
    return version
  }

  app.get('/:id/versions', async (c) => c.json(await store.versions.list(await summaryOf(c))))

  app.post('/:id/versions', async (c) => {
    const user = c.get('user')
    if (user.role !== 'admin') throw new AppError(403, 'forbidden', '只有管理员可以保存版本')
    const { name } = parseInput(versionCreateSchema, await c.req.json().catch(() => null))
    const summaryId = await summaryOf(c)
    // The state now; withRoom answers once all of it is committed.
    const state = await rooms.withRoom(summaryId, (room) => Y.encodeStateAsUpdate(room.doc))
    const version = await takeVersion(store, summaryId, state, name, user)
    await recordChange(store, user, summaryId, 'version', `保存版本“${name}”`)
    return c.json(version, 201)
  })

  app.get('/:id/versions/:versionId/export', async (c) => {
    const format = c.req.query('format')
    if (!isExportFormat(format)) throw new AppError(400, 'unknown-format', unknownFormatMessage(format))
    const version = await versionOf(c)
    const choices = exportChoicesOf((name) => c.req.query(name), format, new Date(version.createdAt))
    // 修订版 between two versions (送审稿 → 定稿, after the summary has moved on): this one, with
    // what changed since the other tracked.
    const since = await versionToCompare(store, version.summaryId, c.req.query('changesSince'), format, choices.comments)
    const file = await exports.run({ state: version.data, format, options: choices, ...(since ? { since } : {}) })
    const fileName = file.fileName.replace(/\.(\w+)$/, `（${version.name}）.$1`)
    return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': dispositionOf(c.req.query('inline'), fileName) })
  })

  /**
   * The version's sections as they were then, each saying whether it is in the outline now and
   * whether its text differs from today's (what 与历史版本比较 offers first).
   */
  app.get('/:id/versions/:versionId/sections', async (c) => {
    const version = await versionOf(c)
    const then = docFromState(version.data)
    const current = await copyOfSummary(rooms, version.summaryId)
    const present = new Set(readOutline(current).map((entry) => entry.id))
    const [figuresThen, figuresNow] = [readIndicators(then), readIndicators(current)]
    const differs = (sectionId: string) => !sameParagraphs(sectionParagraphs(then, sectionId, figuresThen), sectionParagraphs(current, sectionId, figuresNow))
    const sections = describeSections(then, await departmentNames(store)).map((section) => ({ ...section, inOutline: present.has(section.id), changed: differs(section.id) }))
    then.destroy()
    current.destroy()
    return c.json(sections)
  })

  app.get('/:id/versions/:versionId/diff', async (c) => {
    const version = await versionOf(c)
    const sectionId = c.req.query('sectionId') ?? ''
    const then = docFromState(version.data)
    const current = await copyOfSummary(rooms, version.summaryId)
    const known = [...readOutline(then), ...readOutline(current)].some((entry) => entry.id === sectionId)
    if (!known) throw new AppError(400, 'unknown-section', `章节“${sectionId}”不存在`)
    const changes = diffParagraphs(sectionParagraphs(then, sectionId), sectionParagraphs(current, sectionId))
    then.destroy()
    current.destroy()
    return c.json({ sectionId, version: { id: version.id, name: version.name, createdAt: version.createdAt }, changes })
  })

  // A section's text as a version had it, in place of today's: the writing department or the
  // admin, not while final. Today's text is first saved as a version of its own, so nothing is lost.
  app.post('/:id/versions/:versionId/sections/:sectionId/revert', async (c) => {
    const version = await versionOf(c)
    const sectionId = c.req.param('sectionId')
    const user = c.get('user')
    const then = docFromState(version.data)
    try {
      if (findEntryIndex(then, sectionId) < 0) throw new AppError(404, 'unknown-section', `版本“${version.name}”中没有该章节`)
      return await rooms.withRoom(version.summaryId, async (room) => {
        const check = () => {
          const section = room.section(sectionId)
          if (!section) throw new AppError(404, 'unknown-section', '该章节已不在提纲中，请用“按此版本恢复章节”')
          if (!canWriteSection(user, section)) throw new AppError(403, 'forbidden', section.status === 'final' ? '该章节已定稿，需先由管理员重新打开' : '只能恢复本部门撰写的章节')
          if (sameSectionText(room.doc, then, sectionId)) throw new AppError(409, 'no-change', '本节正文与该版本相同，无需恢复')
        }
        check()
        const heading = headingOf(room.doc, sectionId)!
        // Today's text is read and replaced in one turn, then saved: on PostgreSQL a version
        // written first would miss what was typed while it was written, and the replacing would
        // then delete it. Typing that reaches the section after the replacing stays in it.
        const before = Y.encodeStateAsUpdate(room.doc)
        room.transactServer((doc) => replaceSectionText(doc, then, sectionId), user.id, [sectionId])
        let saved
        try {
          saved = await takeVersion(store, room.summaryId, before, autoVersionName('恢复', heading), user)
        } catch (error) {
          console.error(`[versions] ${room.summaryId}: the version before reverting ${sectionId} was not saved`, error)
          // Not saved, so not done: today's text goes back, unless someone has written since.
          if (sameSectionText(room.doc, then, sectionId)) putBack(room, before, sectionId, user.id)
          throw new AppError(503, 'version-not-saved', '服务器暂时无法保存恢复前的版本，本节正文没有恢复，请稍后再试')
        }
        await recordChange(store, user, room.summaryId, 'section-restore', `按版本“${version.name}”恢复“${heading}”的正文（恢复前已自动保存版本）`, sectionId)
        return c.json({ savedVersionId: saved.id })
      })
    } finally {
      then.destroy()
    }
  })

  return app
}
