/**
 * Named versions (初稿、送审稿、定稿…): the admin takes one at any time; it stores the full Yjs
 * state, so opening and exporting it later gives exactly the text of that moment. Sections can be
 * compared with a version paragraph by paragraph.
 */
import { Hono, type Context } from 'hono'
import * as Y from 'yjs'
import { diffParagraphs } from '../../shared/diffParagraphs.js'
import { readOutline } from '../../shared/doc/outline.js'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { blocksText } from '../../shared/sectionAnalysis.js'
import { versionCreateSchema } from '../../shared/schema/sections.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import { attachmentHeader, closingDateOf, commentChoiceOf, exportSummary, isExportFormat, unknownFormatMessage } from '../export/exportSummary.js'
import type { Store } from '../store/index.js'
import { copyOfSummary, docFromState } from '../summary/docFromState.js'
import { findEntryIndex } from '../summary/outlineEdits.js'
import { takeVersion } from '../summary/versions.js'
import { departmentNames, describeSections } from './describeSections.js'
import { requireSummary } from './requireSummary.js'
import { parseInput } from '../validate.js'
import { recordChange } from './journal.js'

/** A deleted section's text stays in the doc, but it is no longer part of the summary: none. */
const paragraphsOf = (doc: Y.Doc, sectionId: string): string[] =>
  findEntryIndex(doc, sectionId) >= 0
    ? readSectionBlocks(doc, sectionId).flatMap((block) => blocksText([block]).split('\n')).filter((line) => line.trim() !== '')
    : []

export const versionRoutes = (store: Store, rooms: Rooms) => {
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
    const { name } = parseInput(versionCreateSchema, await c.req.json().catch(() => null))
    const summaryId = await summaryOf(c)
    const user = c.get('user')
    if (user.role !== 'admin') throw new AppError(403, 'forbidden', '只有管理员可以保存版本')
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
    const date = closingDateOf(c.req.query('date'), new Date(version.createdAt))
    const comments = commentChoiceOf(c.req.query('comments'), format)
    const doc = docFromState(version.data)
    const file = await exportSummary(doc, format, { date, appendix: c.req.query('appendix') === '1', comments })
    doc.destroy()
    const fileName = file.fileName.replace(/\.(\w+)$/, `（${version.name}）.$1`)
    const disposition = c.req.query('inline') === '1' ? 'inline' : attachmentHeader(fileName)
    return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': disposition })
  })

  /** The version's sections as they were then, each saying whether it is in the outline now. */
  app.get('/:id/versions/:versionId/sections', async (c) => {
    const version = await versionOf(c)
    const then = docFromState(version.data)
    const present = new Set(await rooms.withRoom(version.summaryId, (room) => readOutline(room.doc).map((entry) => entry.id)))
    const sections = describeSections(then, await departmentNames(store)).map((section) => ({ ...section, inOutline: present.has(section.id) }))
    then.destroy()
    return c.json(sections)
  })

  app.get('/:id/versions/:versionId/diff', async (c) => {
    const version = await versionOf(c)
    const sectionId = c.req.query('sectionId') ?? ''
    const then = docFromState(version.data)
    const current = await copyOfSummary(rooms, version.summaryId)
    const known = [...readOutline(then), ...readOutline(current)].some((entry) => entry.id === sectionId)
    if (!known) throw new AppError(400, 'unknown-section', `章节“${sectionId}”不存在`)
    const changes = diffParagraphs(paragraphsOf(then, sectionId), paragraphsOf(current, sectionId))
    then.destroy()
    current.destroy()
    return c.json({ sectionId, version: { id: version.id, name: version.name, createdAt: version.createdAt }, changes })
  })

  return app
}
