/** Bodies of the comment endpoints. Text is plain text, rendered as text everywhere. */
import { z } from 'zod'
import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from '../doc/comments.js'

const text = z.string().trim().min(1, { error: '评论内容不能为空' }).max(MAX_COMMENT_LENGTH, { error: `评论最多 ${MAX_COMMENT_LENGTH} 个字` })
const anchor = z.string().min(1).max(512).regex(/^[A-Za-z0-9+/=]+$/, { error: '锚点格式不正确' })

/** 建议修改: the words to put in place of the quoted phrase ('' to delete it), within one paragraph. */
const suggestion = z
  .string()
  .max(MAX_QUOTE_LENGTH, { error: `建议修改的文字最多 ${MAX_QUOTE_LENGTH} 个字` })
  .refine((value) => !/[\r\n]/.test(value), { error: '建议修改的文字不能换行' })

/** A comment on a phrase: its anchors and quote, and optionally other words for it (建议修改). */
export const phraseThreadSchema = z.object({
  sectionId: z.string().min(1).max(64),
  anchorStart: anchor,
  anchorEnd: anchor,
  quote: z.string().max(MAX_QUOTE_LENGTH),
  text,
  suggestion: suggestion.optional(),
})

/** A comment on the whole section (评论本节), also one without any text yet: no phrase, no anchors. */
export const sectionThreadSchema = z.object({
  sectionId: z.string().min(1).max(64),
  wholeSection: z.literal(true),
  text,
})

/** The schema a new thread's body is read with: `wholeSection: true` says which. */
export const threadSchemaFor = (body: unknown) =>
  typeof body === 'object' && body !== null && (body as { wholeSection?: unknown }).wholeSection === true ? sectionThreadSchema : phraseThreadSchema

export const commentTextSchema = z.object({ text })
