/**
 * Structure and workflow of a live summary: PATCH a section (admin: title, department, hint,
 * word target, level, position; workflow: status), add and remove sections, apply an updated
 * template, and the progress report. Clients never write `outline`: everything is validated
 * here and written in a server transaction, so every editor sees the new outline live.
 */
import { Hono, type Context } from 'hono'
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import { periodLead } from '../../shared/period.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { writeBlocksHtml } from '../../shared/export/html.js'
import { writeBlocks } from '../../shared/export/plainText.js'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { chinaIsoDay } from '../../shared/chinaDay.js'
import { buildProgress } from '../../shared/progress.js'
import { applyTemplateSchema, restoreSectionSchema, sectionCreateSchema, sectionPatchSchema } from '../../shared/schema/sections.js'
import { flattenSections, indicatorParents } from '../../shared/schema/template.js'
import { checkTransition, RETURN_NOTE_PREFIX, STATUS_LABELS } from '../../shared/workflow.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import { refuseReadOnly, requireUser } from '../auth/session.js'
import type { Room } from '../collab/room.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { requireSummary } from './requireSummary.js'
import type { User } from '../store/directory.js'
import { indicatorEntry, templateOutlineEntry } from '../summary/buildSummaryDoc.js'
import { findEntryIndex, hasLead, insertEntry, moveEntry, removeEntry, setWriter, updateEntry } from '../summary/outlineEdits.js'
import { seedSectionBody } from '../summary/seedSectionBody.js'
import { describeOutlineEdit } from '../summary/describeOutlineEdit.js'
import { docFromState } from '../summary/docFromState.js'
import { replaceSectionText, restoreSection } from '../summary/restoreSection.js'
import { autoVersionName, finalVersionName, takeVersion } from '../summary/versions.js'
import { resolveReminders } from '../summary/reminders.js'
import { writeThread } from '../summary/writeThread.js'
import { parseInput } from '../validate.js'
import { departmentNames, describeSection, headingOf } from './describeSections.js'
import { recordChange } from './journal.js'
import { requireDepartment } from './requireDepartment.js'
import { requireSection } from './requireSection.js'

const requireAdmin = (user: User, what: string) => {
  if (user.role !== 'admin') throw new AppError(403, 'forbidden', `只有管理员可以${what}`)
}

/** The opening words of a section, to anchor the note of a send-back. */
const openingAnchors = (doc: Y.Doc, sectionId: string) => {
  const fragment = doc.getXmlFragment(sectionRoot(sectionId))
  const first = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement)?.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText)
  const encode = (type: Y.XmlFragment | Y.XmlText, index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index)))
  if (!first) return { anchorStart: encode(fragment, 0), anchorEnd: encode(fragment, 0), quote: '' }
  const text = first.toString().replace(/<[^>]+>/g, '')
  const length = Math.min(first.length, 20)
  return { anchorStart: encode(first, 0), anchorEnd: encode(first, length), quote: text.slice(0, length) }
}

const hasText = (doc: Y.Doc, sectionId: string): boolean => readSectionBlocks(doc, sectionId).length > 0

export const sectionRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  const withSummary = async <T>(c: Context<AppEnv>, use: (room: Room, user: User) => T | Promise<T>): Promise<T> => {
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    return rooms.withRoom(summaryId, (room) => use(room, c.get('user')))
  }
  const sectionAnswer = async (room: Room, sectionId: string) => describeSection(room.doc, await departmentNames(store), sectionId)
  const journal = (room: Room, user: User, action: Parameters<typeof recordChange>[3], detail: string, sectionId: string | null = null) =>
    recordChange(store, user, room.summaryId, action, detail, sectionId)

  app.patch('/:id/sections/:sectionId', refuseReadOnly('只读用户不能修改章节'), async (c) => {
    const input = parseInput(sectionPatchSchema, await c.req.json().catch(() => null))
    const sectionId = c.req.param('sectionId')
    return withSummary(c, async (room, user) => {
      requireSection(room, sectionId)
      const { status, reason, position, ...fields } = input
      if (Object.keys(fields).length > 0 || position !== undefined) requireAdmin(user, '修改提纲')
      await requireDepartment(store, fields.departmentId)
      // Read after the last await: another request may have moved it on or deleted it meanwhile.
      const section = requireSection(room, sectionId)
      const outlineLength = readOutline(room.doc).length
      if (position !== undefined && position >= outlineLength) throw new AppError(400, 'invalid-input', `位置应在 0 到 ${outlineLength - 1} 之间`, [{ path: 'position', message: '位置超出范围' }])
      if (section.lead && ((fields.level ?? 1) !== 1 || (position ?? 0) !== 0)) throw new AppError(409, 'lead-fixed', '导语固定在正文开头，不能移动或改变级别')
      if (!section.lead && position === 0 && hasLead(room.doc)) throw new AppError(409, 'lead-fixed', '导语之前不能放其他章节')
      let note: { id: string; text: string } | null = null
      if (status !== undefined && status !== section.status) {
        const check = checkTransition(user, section.departmentId, section.status, status)
        if (!check.ok) throw new AppError(check.status, check.code, check.message)
        if (check.rule.needsReason) {
          if (!reason) throw new AppError(400, 'reason-required', '退回修改时必须填写原因', [{ path: 'reason', message: '请填写退回原因' }])
          note = { id: createId(), text: `${RETURN_NOTE_PREFIX}${reason}` }
        }
      } else if (status !== undefined) throw new AppError(409, 'invalid-transition', '章节已经是该状态')
      const heading = headingOf(room.doc, sectionId)!
      room.transactServer((doc) => {
        updateEntry(doc, sectionId, { ...fields, ...(status ? { status } : {}) })
        // A section given to another department is that department's to name a 执笔人 for.
        if (fields.departmentId !== undefined && fields.departmentId !== section.departmentId) setWriter(doc, sectionId, null)
        if (position !== undefined) moveEntry(doc, sectionId, position)
        if (note) writeThread(doc, note.id, { sectionId, ...openingAnchors(doc, sectionId), text: note.text, mentions: [section.departmentId], mentionedPeople: section.writer ? [section.writer.id] : [], authorId: user.id, authorName: user.displayName, departmentId: user.departmentId })
        if (status === 'review') resolveReminders(doc, sectionId, user.displayName)
      }, user.id)
      // The approval that makes every section final keeps the whole text as it is then.
      const finished = status === 'final' && readOutline(room.doc).every((entry) => entry.status === 'final') ? Y.encodeStateAsUpdate(room.doc) : null
      if (status !== undefined) await journal(room, user, 'section-status', `“${heading}”：${STATUS_LABELS[section.status]}→${STATUS_LABELS[status]}${reason && note ? `（${note.text}）` : ''}`, sectionId)
      if (finished) {
        const version = await takeVersion(store, room.summaryId, finished, finalVersionName(), user)
        await journal(room, user, 'version', `全部章节已定稿，自动保存版本“${version.name}”`)
      }
      const names = await departmentNames(store)
      const edit = describeOutlineEdit(section, fields, position !== undefined, (id) => names.get(id) ?? '—')
      if (edit) await journal(room, user, 'section-edit', `修改“${heading}”：${edit}`, sectionId)
      return c.json(await sectionAnswer(room, sectionId))
    })
  })

  // One section's text as exported (figures formatted), as plain text and as the HTML export
  // writes it (tables as tables), for reading beside another summary: a writer continuing last
  // year's summary reads what was written there (anyone may read any summary).
  app.get('/:id/sections/:sectionId/text', (c) =>
    withSummary(c, (room) => {
      const sectionId = c.req.param('sectionId')
      requireSection(room, sectionId)
      const heading = headingOf(room.doc, sectionId)!
      const blocks = readSectionBlocks(room.doc, sectionId)
      return c.json({ heading, title: readMeta(room.doc).title, text: writeBlocks(blocks), html: writeBlocksHtml(blocks) })
    }),
  )

  app.post('/:id/sections', async (c) => {
    requireAdmin(c.get('user'), '添加章节')
    const input = parseInput(sectionCreateSchema, await c.req.json().catch(() => null))
    return withSummary(c, async (room, user) => {
      await requireDepartment(store, input.departmentId)
      if (input.lead && hasLead(room.doc)) throw new AppError(409, 'lead-exists', '本总结已有导语')
      if (!input.lead && input.position === 0 && hasLead(room.doc)) throw new AppError(409, 'lead-fixed', '导语之前不能放其他章节')
      const id = createId()
      room.transactServer((doc) => {
        // A lead is at level 1 whatever `level` says; insertEntry puts it first.
        const entry = { id, title: input.title, level: input.lead ? 1 : input.level, departmentId: input.departmentId, status: 'drafting' as const, hint: input.hint ?? '', wordTarget: input.wordTarget ?? 0, lead: input.lead === true }
        insertEntry(doc, input.position ?? readOutline(doc).length, entry)
        doc.getXmlFragment(sectionRoot(id))
      }, user.id)
      await journal(room, user, 'section-add', `添加${input.lead ? '导语' : '章节'}“${headingOf(room.doc, id)}”`, id)
      return c.json({ id, ...(await sectionAnswer(room, id)) }, 201)
    })
  })

  app.delete('/:id/sections/:sectionId', async (c) => {
    const sectionId = c.req.param('sectionId')
    // The section's last state is read and the section removed in one turn: nothing typed into
    // it can land between the two (a version written first, on PostgreSQL, would miss what was
    // typed while it was written, and the removal would then hide it).
    const removed = await withSummary(c, (room, user) => {
      requireAdmin(user, '删除章节')
      requireSection(room, sectionId)
      const withText = hasText(room.doc, sectionId)
      if (withText && c.req.query('force') !== '1')
        throw new AppError(409, 'section-not-empty', '该章节已有内容。确认删除请加 ?force=1：删除前会自动保存一个版本，可在“版本”中查看和导出')
      const before = withText ? Y.encodeStateAsUpdate(room.doc) : null
      const heading = headingOf(room.doc, sectionId)!
      room.transactServer((doc) => removeEntry(doc, sectionId), user.id)
      return { before, heading, summaryId: room.summaryId }
    })
    // Now the removal is durable and in force on every process: no one writes the section any
    // more. The text stays in the summary's doc, but no one could see it again: a version keeps it
    // where people look for earlier text.
    const versionId = removed.before ? await withSummary(c, (room, user) => keepDeletedText(room, user, sectionId, removed.before!, removed.heading)) : undefined
    await recordChange(store, c.get('user'), removed.summaryId, 'section-delete', `删除章节“${removed.heading}”${versionId ? '（删除前已自动保存版本）' : ''}`, sectionId)
    return c.json({ ok: true, versionId })
  })

  /**
   * Saves the version of a section just removed: the summary as it was, with the section's text
   * as it is now (another process may have accepted typing into it until the removal reached it).
   * If the version cannot be saved, the section is put back as it was and the error answered.
   */
  const keepDeletedText = async (room: Room, user: User, sectionId: string, before: Uint8Array, heading: string): Promise<string> => {
    const then = docFromState(before)
    try {
      replaceSectionText(then, room.doc, sectionId)
      try {
        return (await takeVersion(store, room.summaryId, Y.encodeStateAsUpdate(then), autoVersionName('删除', heading), user)).id
      } catch (error) {
        console.error(`[versions] ${room.summaryId}: the version before deleting ${sectionId} was not saved`, error)
        if (!room.section(sectionId)) room.transactServer((doc) => restoreSection(doc, then, sectionId, { keepStatus: true }), user.id, [sectionId])
        throw new AppError(503, 'version-not-saved', '服务器暂时无法保存删除前的版本，本节没有删除，请稍后再试')
      }
    } finally {
      then.destroy()
    }
  }

  app.post('/:id/sections/:sectionId/restore', async (c) => {
    requireAdmin(c.get('user'), '恢复章节')
    const { versionId } = parseInput(restoreSectionSchema, await c.req.json().catch(() => null))
    return withSummary(c, async (room, user) => {
      const sectionId = c.req.param('sectionId')
      const version = await store.versions.get(room.summaryId, versionId)
      if (!version) throw new AppError(404, 'unknown-version', '该版本不存在')
      const then = docFromState(version.data)
      try {
        const past = readOutline(then).find((entry) => entry.id === sectionId)
        if (!past) throw new AppError(404, 'unknown-section', `版本“${version.name}”中没有章节“${sectionId}”`)
        // Checked after the last await, so two restores of one section cannot both insert it.
        if (room.section(sectionId)) throw new AppError(409, 'section-exists', '该章节仍在提纲中，无需恢复')
        if (past.lead && hasLead(room.doc)) throw new AppError(409, 'lead-exists', '本总结已有导语，不能再恢复一个')
        room.transactServer((doc) => restoreSection(doc, then, sectionId), user.id, [sectionId])
      } finally {
        then.destroy()
      }
      await journal(room, user, 'section-restore', `按版本“${version.name}”恢复章节“${headingOf(room.doc, sectionId)}”`, sectionId)
      return c.json({ id: sectionId, ...(await sectionAnswer(room, sectionId)) })
    })
  })

  app.post('/:id/apply-template', async (c) => {
    requireAdmin(c.get('user'), '应用模板')
    const input = parseInput(applyTemplateSchema, await c.req.json().catch(() => ({})))
    return withSummary(c, async (room, user) => {
      const record = (await store.catalog.getSummary(room.summaryId))!
      const templateId = input.templateId ?? record.templateId
      const template = await store.catalog.getTemplate(templateId)
      if (!template) throw new AppError(404, 'unknown-template', `模板“${templateId}”不存在（可能已被删除）`)
      const added: string[] = []
      const departmentIds = new Map(await Promise.all(template.departments.map(async (name) => [name, (await store.directory.ensureDepartment(name)).id] as const)))
      const parents = indicatorParents(template)
      room.transactServer((doc) => {
        const figures = getIndicators(doc)
        for (const definition of template.indicators ?? []) if (!figures.has(definition.key)) figures.set(definition.key, indicatorEntry(definition, departmentIds))
        let previous = -1
        for (const section of flattenSections(template.sections)) {
          const existing = findEntryIndex(doc, section.id)
          if (existing >= 0) {
            previous = existing
            continue
          }
          // A lead the template added later comes in only when the summary has none yet.
          if (section.lead && hasLead(doc)) continue
          const { year, period } = readMeta(doc)
          insertEntry(doc, previous + 1, templateOutlineEntry(section, departmentIds, year, period))
          previous = findEntryIndex(doc, section.id) // where insertEntry put it (after a lead, say)
          seedSectionBody(doc.getXmlFragment(sectionRoot(section.id)), section.indicators ?? [], readIndicators(doc), parents, periodLead(period))
          added.push(section.id)
        }
      }, user.id)
      if (added.length) await journal(room, user, 'apply-template', `按模板“${template.id}”补充章节：${added.map((id) => `“${headingOf(room.doc, id)}”`).join('、')}`)
      return c.json({ added })
    })
  })

  app.get('/:id/progress', (c) =>
    withSummary(c, async (room) => {
      const [activity, names, users] = await Promise.all([store.updates.activity(room.summaryId), departmentNames(store), store.directory.listUsers()])
      const userNames = new Map(users.map((user) => [user.id, user.displayName]))
      return c.json(
        buildProgress(room.doc, {
          activity,
          departmentName: (id) => names.get(id) ?? '',
          userName: (id) => userNames.get(id) ?? '（已删除的用户）',
          today: chinaIsoDay(new Date()),
        }),
      )
    }),
  )

  return app
}
