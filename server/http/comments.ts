/**
 * Comment threads of a summary (DESIGN.md "comments"). Every change goes through here: the
 * server checks the role, validates the input and writes the `comments` root in a server
 * transaction, so every open editor sees it live.
 */
import { Hono, type Context } from 'hono'
import type { z } from 'zod'
import * as Y from 'yjs'
import { findMentions, getComments, readThread, readThreads, resolveAnchor, type CommentReply } from '../../shared/doc/comments.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { commentTextSchema, phraseThreadSchema, sectionThreadSchema, threadSchemaFor } from '../../shared/schema/comments.js'
import { canResolveThread, canWriteSection } from '../../shared/roles.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { createId } from '../ids.js'
import { refuseReadOnly, requireUser } from '../auth/session.js'
import type { Room } from '../collab/room.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { commentSheetName, writeCommentSheet } from '../export/commentSheet.js'
import { departmentNames } from './describeSections.js'
import { requireSummary } from './requireSummary.js'
import type { User } from '../store/directory.js'
import { replacePhrase, suggestedRange } from '../summary/suggestion.js'
import { sectionStartAnchors, writeThread, type NewThread } from '../summary/writeThread.js'
import { recordChange } from './journal.js'
import { parseInput } from '../validate.js'
import { listFormat, sheetAnswer } from './sheetAnswer.js'

type Mentions = Pick<CommentReply, 'mentions' | 'mentionedPeople'>

/** Read-only users (只读) write, change and delete no comments. */
const commentersOnly = refuseReadOnly('只读用户不能评论')

const threadOf = (room: Room, threadId: string): Y.Map<unknown> => {
  const thread = getComments(room.doc).get(threadId)
  if (!thread) throw new AppError(404, 'unknown-thread', '该评论不存在')
  return thread
}

/** A suggestion must cover plain text of one paragraph that still reads as quoted, and change it. */
const checkSuggestion = (room: Room, input: { sectionId: string; anchorStart: string; anchorEnd: string; quote: string; suggestion?: string }): void => {
  const range = suggestedRange(room.doc, input.sectionId, input.anchorStart, input.anchorEnd)
  if (!range) throw new AppError(400, 'suggestion-range', '建议修改只能针对同一段内的一段文字（不含指标和换行），请缩小所选范围', [{ path: 'suggestion', message: '所选文字跨越了指标、换行或段落' }])
  if (range.current !== input.quote) throw new AppError(409, 'quote-changed', '所选文字刚被修改，请重新选择后再提建议')
  if (range.current === input.suggestion) throw new AppError(400, 'suggestion-unchanged', '建议的文字与原文相同', [{ path: 'suggestion', message: '与原文相同' }])
}

const mayResolve = (user: User, room: Room, thread: Y.Map<unknown>): boolean =>
  canResolveThread(user, room.section(String(thread.get('sectionId')))?.departmentId)

export const commentRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  /** The route's work on the summary, with who a text mentions: departments, and people who can sign in. */
  const withSummary = async <T>(c: Context<AppEnv>, use: (room: Room, user: User, mentionsIn: (text: string) => Mentions) => T): Promise<T> => {
    const summaryId = (await requireSummary(store, c.req.param('id'))).id
    const departments = await store.directory.listDepartments()
    const people = (await store.directory.listUsers()).filter((person) => !person.disabled).map((person) => ({ id: person.id, name: person.displayName }))
    const mentionsIn = (text: string): Mentions => ({ mentions: findMentions(text, departments), mentionedPeople: findMentions(text, people) })
    return rooms.withRoom(summaryId, (room) => use(room, c.get('user'), mentionsIn))
  }
  const body = async (c: Context<AppEnv>) => c.req.json().catch(() => null)

  // ?format=xlsx: the 审阅意见汇总表 to file with the final summary.
  app.get('/:id/comments', async (c) => {
    if (listFormat(c.req.query('format')) === 'json') return withSummary(c, (room) => c.json(readThreads(room.doc)))
    const names = await departmentNames(store)
    const { body, fileName } = await withSummary(c, async (room) => ({
      body: await writeCommentSheet(room.doc, (id) => names.get(id) ?? '未分配部门'),
      fileName: commentSheetName(room.doc),
    }))
    return sheetAnswer(c, body, fileName)
  })

  app.post('/:id/comments', commentersOnly, async (c) => {
    const raw = await body(c)
    const input: z.infer<typeof sectionThreadSchema> | z.infer<typeof phraseThreadSchema> = parseInput(threadSchemaFor(raw), raw)
    return withSummary(c, (room, user, mentionsIn) => {
      if (!room.section(input.sectionId)) throw new AppError(400, 'unknown-section', `章节“${input.sectionId}”不存在`, [{ path: 'sectionId', message: '章节不存在' }])
      let place: Pick<NewThread, 'anchorStart' | 'anchorEnd' | 'quote' | 'suggestion' | 'wholeSection'>
      if ('wholeSection' in input) place = sectionStartAnchors(room.doc, input.sectionId)
      else {
        const root = room.doc.getXmlFragment(sectionRoot(input.sectionId))
        for (const field of ['anchorStart', 'anchorEnd'] as const) {
          if (!resolveAnchor(room.doc, input[field], root)) throw new AppError(400, 'invalid-anchor', '评论位置无效：所选文字不在该章节中', [{ path: field, message: '锚点不在该章节中' }])
        }
        if (input.suggestion !== undefined) checkSuggestion(room, input)
        place = { anchorStart: input.anchorStart, anchorEnd: input.anchorEnd, quote: input.quote, suggestion: input.suggestion }
      }
      const id = createId()
      room.transactServer(
        (doc) => writeThread(doc, id, { sectionId: input.sectionId, ...place, text: input.text, ...mentionsIn(input.text), authorId: user.id, authorName: user.displayName, departmentId: user.departmentId }),
        user.id,
      )
      return c.json({ id }, 201)
    })
  })

  app.post('/:id/comments/:threadId/replies', commentersOnly, async (c) => {
    const { text } = parseInput(commentTextSchema, await body(c))
    return withSummary(c, (room, user, mentionsIn) => {
      const thread = threadOf(room, c.req.param('threadId'))
      const reply: CommentReply = { id: createId(), authorId: user.id, authorName: user.displayName, departmentId: user.departmentId, text, ...mentionsIn(text), createdAt: Date.now(), editedAt: null }
      room.transactServer(() => (thread.get('replies') as Y.Array<CommentReply>).push([reply]), user.id)
      return c.json(reply, 201)
    })
  })

  const setResolved = (resolved: boolean) => (c: Context<AppEnv>) =>
    withSummary(c, (room, user) => {
      const thread = threadOf(room, c.req.param('threadId') ?? '')
      if (!mayResolve(user, room, thread)) throw new AppError(403, 'forbidden', '只有该章节所属部门、领导或管理员可以解决或重新打开评论')
      room.transactServer(() => {
        thread.set('resolved', resolved)
        thread.set('resolvedBy', resolved ? user.displayName : null)
      }, user.id)
      return c.json(readThread(c.req.param('threadId') ?? '', thread))
    })
  /**
   * 采纳: whoever may write the section puts the suggested words in place of the phrase and the
   * thread is resolved, in one server transaction every open editor receives like typing.
   */
  app.post('/:id/comments/:threadId/accept', (c) =>
    withSummary(c, async (room, user) => {
      const thread = readThread(c.req.param('threadId'), threadOf(room, c.req.param('threadId')))
      if (thread.suggestion === null) throw new AppError(409, 'not-a-suggestion', '这条评论不是修改建议')
      if (thread.resolved) throw new AppError(409, 'thread-resolved', '这条建议已处理（已采纳或已解决）')
      const section = room.section(thread.sectionId)
      if (!section) throw new AppError(409, 'section-gone', '该章节已被删除')
      if (section.status === 'final') throw new AppError(409, 'section-final', '该章节已定稿，不能修改；如需采纳请先请管理员重新打开')
      if (!canWriteSection(user, section)) throw new AppError(403, 'forbidden', '只有撰写该章节的部门或管理员可以采纳修改建议')
      const range = suggestedRange(room.doc, thread.sectionId, thread.anchorStart, thread.anchorEnd)
      if (!range || range.current !== thread.quote) throw new AppError(409, 'quote-changed', '原文已改动，不能自动采纳，请对照建议手动修改后点“解决”')
      room.transactServer(() => {
        replacePhrase(range, thread.suggestion!)
        const map = threadOf(room, thread.id)
        map.set('resolved', true)
        map.set('resolvedBy', user.displayName)
        map.set('acceptedBy', user.displayName)
      }, user.id, [thread.sectionId])
      await recordChange(store, user, room.summaryId, 'suggestion', `采纳${thread.authorName}的修改建议：“${thread.quote}”改为“${thread.suggestion}”`, thread.sectionId)
      return c.json(readThread(thread.id, threadOf(room, thread.id)))
    }),
  )

  app.post('/:id/comments/:threadId/resolve', setResolved(true))
  app.post('/:id/comments/:threadId/reopen', setResolved(false))

  const requireAuthor = (user: User, authorId: string) => {
    if (user.id !== authorId) throw new AppError(403, 'forbidden', '只能修改或删除自己的评论')
  }

  app.patch('/:id/comments/:threadId', commentersOnly, async (c) => {
    const { text } = parseInput(commentTextSchema, await body(c))
    return withSummary(c, (room, user, mentionsIn) => {
      const thread = threadOf(room, c.req.param('threadId'))
      requireAuthor(user, String(thread.get('authorId')))
      room.transactServer(() => {
        thread.set('text', text)
        for (const [key, value] of Object.entries(mentionsIn(text))) thread.set(key, value)
        thread.set('editedAt', Date.now())
      }, user.id)
      return c.json(readThread(c.req.param('threadId'), thread))
    })
  })

  app.delete('/:id/comments/:threadId', commentersOnly, (c) =>
    withSummary(c, (room, user) => {
      const thread = threadOf(room, c.req.param('threadId'))
      requireAuthor(user, String(thread.get('authorId')))
      room.transactServer((doc) => getComments(doc).delete(c.req.param('threadId')), user.id)
      return c.json({ ok: true })
    }),
  )

  const replyOf = (thread: Y.Map<unknown>, replyId: string) => {
    const replies = thread.get('replies') as Y.Array<CommentReply>
    const index = replies.toArray().findIndex((reply) => reply.id === replyId)
    if (index < 0) throw new AppError(404, 'unknown-reply', '该回复不存在')
    return { replies, index, reply: replies.get(index) }
  }

  app.patch('/:id/comments/:threadId/replies/:replyId', commentersOnly, async (c) => {
    const { text } = parseInput(commentTextSchema, await body(c))
    return withSummary(c, (room, user, mentionsIn) => {
      const { replies, index, reply } = replyOf(threadOf(room, c.req.param('threadId')), c.req.param('replyId'))
      requireAuthor(user, reply.authorId)
      const edited = { ...reply, text, ...mentionsIn(text), editedAt: Date.now() }
      room.transactServer(() => {
        replies.delete(index, 1)
        replies.insert(index, [edited])
      }, user.id)
      return c.json(edited)
    })
  })

  app.delete('/:id/comments/:threadId/replies/:replyId', commentersOnly, (c) =>
    withSummary(c, (room, user) => {
      const { replies, index, reply } = replyOf(threadOf(room, c.req.param('threadId')), c.req.param('replyId'))
      requireAuthor(user, reply.authorId)
      room.transactServer(() => replies.delete(index, 1), user.id)
      return c.json({ ok: true })
    }),
  )

  return app
}
