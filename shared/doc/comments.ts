/**
 * The `comments` root: threadId → Y.Map of one thread (DESIGN.md "One Y.Doc"). Written by the
 * server only; anchors are base64 Y.RelativePositions, so commenting never writes to a section.
 */
import * as Y from 'yjs'
import { fromBase64 } from 'lib0/buffer'
import { COMMENTS_ROOT, sectionRoot } from './roots.js'

export const MAX_COMMENT_LENGTH = 2000
/** A thread keeps at most this much of the phrase it is about. */
export const MAX_QUOTE_LENGTH = 1000

/** What a thread's opening comment and each reply have in common. */
export interface CommentReply {
  id: string
  authorId: string
  authorName: string
  departmentId: string | null
  text: string
  /** Departments mentioned (@招商部), by id. */
  mentions: string[]
  /** People mentioned (@陈招商), by id. */
  mentionedPeople: string[]
  createdAt: number
  editedAt: number | null
}

export interface CommentThread extends CommentReply {
  sectionId: string
  anchorStart: string
  anchorEnd: string
  quote: string
  resolved: boolean
  resolvedBy: string | null
  /** A comment on the whole section (评论本节): no phrase, never “原文已删除”. */
  wholeSection: boolean
  /** 建议修改: what the phrase should read instead ('' to delete it); null for a plain comment. */
  suggestion: string | null
  /** Who accepted the suggestion (the phrase was replaced), null until someone did. */
  acceptedBy: string | null
  replies: CommentReply[]
}

export const getComments = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT)

export const readThread = (id: string, map: Y.Map<unknown>): CommentThread => {
  const replies = map.get('replies')
  return {
    id,
    sectionId: String(map.get('sectionId') ?? ''),
    anchorStart: String(map.get('anchorStart') ?? ''),
    anchorEnd: String(map.get('anchorEnd') ?? ''),
    quote: String(map.get('quote') ?? ''),
    authorId: String(map.get('authorId') ?? ''),
    authorName: String(map.get('authorName') ?? ''),
    departmentId: (map.get('departmentId') as string | null | undefined) ?? null,
    text: String(map.get('text') ?? ''),
    mentions: (map.get('mentions') as string[] | undefined) ?? [],
    mentionedPeople: (map.get('mentionedPeople') as string[] | undefined) ?? [],
    createdAt: Number(map.get('createdAt') ?? 0),
    editedAt: (map.get('editedAt') as number | null | undefined) ?? null,
    resolved: map.get('resolved') === true,
    resolvedBy: (map.get('resolvedBy') as string | null | undefined) ?? null,
    wholeSection: map.get('wholeSection') === true,
    suggestion: typeof map.get('suggestion') === 'string' ? (map.get('suggestion') as string) : null,
    acceptedBy: (map.get('acceptedBy') as string | null | undefined) ?? null,
    // Replies written before people could be mentioned have no list of them.
    replies: replies instanceof Y.Array ? (replies.toArray() as CommentReply[]).map((reply) => ({ ...reply, mentionedPeople: reply.mentionedPeople ?? [] })) : [],
  }
}

/** A thread's words with its suggestion first, as exports print it: 建议改为“…”；理由. */
export const threadWords = (thread: Pick<CommentThread, 'suggestion' | 'text'>): string =>
  thread.suggestion === null ? thread.text : `${thread.suggestion ? `建议改为“${thread.suggestion}”` : '建议删去'}；${thread.text}`

/** All threads, oldest first. */
export const readThreads = (doc: Y.Doc): CommentThread[] =>
  [...getComments(doc).entries()].map(([id, map]) => readThread(id, map)).sort((a, b) => a.createdAt - b.createdAt)

/** Decodes a base64 anchor; null when it is not a relative position. */
export const decodeAnchor = (anchor: string): Y.RelativePosition | null => {
  try {
    return Y.decodeRelativePosition(fromBase64(anchor))
  } catch {
    return null
  }
}

/** Whether `type` lies inside `root` (or is it). */
const isInside = (type: Y.AbstractType<unknown>, root: unknown): boolean => {
  let current: Y.AbstractType<unknown> | null = type
  while (current) {
    if (current === root) return true
    const parent: unknown = current._item?.parent
    current = parent instanceof Y.AbstractType ? parent : null
  }
  return false
}

export interface ResolvedAnchor {
  type: Y.AbstractType<unknown>
  index: number
}

/** Resolves an anchor in the doc; null when it points outside `root` or to unknown content. */
export const resolveAnchor = (doc: Y.Doc, anchor: string, root: Y.XmlFragment): ResolvedAnchor | null => {
  const relative = decodeAnchor(anchor)
  if (!relative) return null
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc)
  if (!absolute || !isInside(absolute.type, root)) return null
  return { type: absolute.type, index: absolute.index }
}

/**
 * Who is mentioned as `@名称` in a comment — departments (@招商部) or people (@陈招商) — matched
 * against known names, longest first; answers their ids.
 */
export const findMentions = (text: string, named: ReadonlyArray<{ id: string; name: string }>): string[] => {
  const byLength = [...named].sort((a, b) => b.name.length - a.name.length)
  const found = new Set<string>()
  for (const match of text.matchAll(/[@＠]/g)) {
    const rest = text.slice(match.index + 1)
    const department = byLength.find((candidate) => rest.startsWith(candidate.name))
    if (department) found.add(department.id)
  }
  return [...found]
}

/**
 * Whether a thread's phrase is gone: its anchors no longer resolve, or the range collapsed.
 * Ranges across paragraphs (different types) are taken as present.
 */
export const isAnchorDetached = (doc: Y.Doc, thread: Pick<CommentThread, 'sectionId' | 'anchorStart' | 'anchorEnd' | 'wholeSection'>): boolean => {
  if (thread.wholeSection) return false
  const root = doc.getXmlFragment(sectionRoot(thread.sectionId))
  const start = resolveAnchor(doc, thread.anchorStart, root)
  const end = resolveAnchor(doc, thread.anchorEnd, root)
  if (!start || !end) return true
  return start.type === end.type && start.index >= end.index
}
