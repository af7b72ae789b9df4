/**
 * 已读 and 有改动: a reader marks the summary read (every section, or one), which keeps each
 * section's paragraphs as they were then. Later the sections whose text differs from that, and
 * that someone else edited since (or the server changed: figures, an accepted suggestion, a
 * version put back), are listed as changed, and each change can be read word by word. Edits of
 * the reader's own alone are not news to them. A reader who has never marked anything (the first
 * visit) has nothing listed; the page marks everything read then.
 *
 * Replies others wrote since to a thread the reader took part in are listed too.
 *
 *   GET  /:id/changes              → { readAt, sections: [{ sectionId, heading, editors, figures, lastEditAt, readAt }], replies }
 *   GET  /:id/changes/:sectionId   → { sectionId, heading, readAt, changes }
 *   POST /:id/read { sectionId? }  → what GET /:id/changes answers, after marking
 */
import { Hono } from 'hono'
import type * as Y from 'yjs'
import type { ChangedSection, ChangesReport, NewReplies } from '../../shared/changes.js'
import { readThreads, type CommentThread } from '../../shared/doc/comments.js'
import { diffReadable } from '../../shared/diffParagraphs.js'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readOutline } from '../../shared/doc/outline.js'
import { readSectionIndicatorKeys } from '../../shared/export/buildExportDocument.js'
import { numberOutline } from '../../shared/numbering.js'
import { readMarkSchema } from '../../shared/schema/sections.js'
import type { AppEnv } from '../context.js'
import { requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import type { ReadMark } from '../store/readMarks.js'
import type { SectionActivity } from '../store/updates.js'
import { sameParagraphs, sectionParagraphs } from '../summary/sectionParagraphs.js'
import { parseInput } from '../validate.js'
import { headingOf } from './describeSections.js'
import { requireSection } from './requireSection.js'
import { requireSummary } from './requireSummary.js'

/** A section never marked (added since the reader last marked the summary) was read empty. */
const UNREAD: ReadMark = { sectionId: '', readAt: 0, paragraphs: [] }


interface SectionText {
  sectionId: string
  heading: string
  paragraphs: string[]
  /** The figures it shows, with when each was last updated. */
  figures: Array<{ label: string; updatedAt: number | null }>
}

/** Every section's text as it is now, read at one moment. */
const sectionTexts = (doc: Y.Doc): SectionText[] => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  return outline.map((entry, index) => ({
    sectionId: entry.id,
    heading: `${numbers[index]}${entry.title}`,
    paragraphs: sectionParagraphs(doc, entry.id, figures),
    figures: [...new Set(readSectionIndicatorKeys(doc, entry.id))].flatMap((key) => (figures[key] ? [{ label: figures[key].label, updatedAt: figures[key].updatedAt }] : [])),
  }))
}

const changedSections = (texts: readonly SectionText[], marks: ReadonlyMap<string, ReadMark>, activity: readonly SectionActivity[], userId: string, names: ReadonlyMap<string, string>): ChangedSection[] =>
  texts.flatMap(({ sectionId, heading, paragraphs, figures }) => {
    const mark = marks.get(sectionId) ?? UNREAD
    if (sameParagraphs(paragraphs, mark.paragraphs)) return []
    const since = activity.filter((row) => row.sectionId === sectionId && row.lastEditAt > mark.readAt)
    if (since.length > 0 && since.every((row) => row.userId === userId)) return []
    const others = since.filter((row) => row.userId !== userId)
    const updated = figures.filter((figure) => (figure.updatedAt ?? 0) > mark.readAt).map((figure) => figure.label)
    return [{ sectionId, heading, editors: others.map((row) => names.get(row.userId) ?? '已删除的用户'), figures: updated, lastEditAt: others[0]?.lastEditAt ?? null, readAt: mark.readAt }]
  })

/** Others' replies, since its section was read, to each thread the reader wrote or answered. */
const newReplies = (threads: readonly CommentThread[], marks: ReadonlyMap<string, ReadMark>, userId: string): NewReplies[] =>
  threads.flatMap((thread) => {
    if (thread.authorId !== userId && !thread.replies.some((reply) => reply.authorId === userId)) return []
    const since = (marks.get(thread.sectionId) ?? UNREAD).readAt
    const newer = thread.replies.filter((reply) => reply.authorId !== userId && reply.createdAt > since)
    return newer.length ? [{ threadId: thread.id, sectionId: thread.sectionId, count: newer.length, from: [...new Set(newer.map((reply) => reply.authorName))] }] : []
  })

export const readMarkRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  const marksOf = async (summaryId: string, userId: string) => new Map((await store.reads.list(summaryId, userId)).map((mark) => [mark.sectionId, mark]))

  const changes = async (summaryId: string, userId: string): Promise<ChangesReport> => {
    const marks = await marksOf(summaryId, userId)
    if (marks.size === 0) return { readAt: null, sections: [], replies: [] }
    // The texts first (withRoom answers once they are committed), then who edited: the activity
    // read after them covers every edit they show. It is newest first, so editors are too.
    const { texts, replies } = await rooms.withRoom(summaryId, (room) => ({ texts: sectionTexts(room.doc), replies: newReplies(readThreads(room.doc), marks, userId) }))
    const activity = await store.updates.activity(summaryId)
    const names = new Map((await store.directory.listUsers()).map((user) => [user.id, user.displayName]))
    const sections = changedSections(texts, marks, activity, userId, names)
    return { readAt: Math.max(...[...marks.values()].map((mark) => mark.readAt)), sections, replies }
  }

  app.get('/:id/changes', async (c) => {
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    return c.json(await changes(summaryId, c.get('user').id))
  })

  app.get('/:id/changes/:sectionId', async (c) => {
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const sectionId = c.req.param('sectionId')
    const mark = (await marksOf(summaryId, c.get('user').id)).get(sectionId) ?? UNREAD
    return rooms.withRoom(summaryId, (room) => {
      requireSection(room, sectionId)
      const changes = diffReadable(mark.paragraphs, sectionParagraphs(room.doc, sectionId))
      return c.json({ sectionId, heading: headingOf(room.doc, sectionId), readAt: mark.readAt || null, changes })
    })
  })

  app.post('/:id/read', async (c) => {
    const { sectionId } = parseInput(readMarkSchema, await c.req.json().catch(() => null))
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const userId = c.get('user').id
    const texts = await rooms.withRoom(summaryId, (room) => {
      if (sectionId) requireSection(room, sectionId)
      return sectionTexts(room.doc).filter((text) => !sectionId || text.sectionId === sectionId)
    })
    const readAt = Date.now()
    await store.reads.save(summaryId, userId, texts.map((text) => ({ sectionId: text.sectionId, readAt, paragraphs: text.paragraphs })))
    return c.json(await changes(summaryId, userId))
  })

  return app
}
