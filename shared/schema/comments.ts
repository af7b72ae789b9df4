/** Bodies of the comment endpoints. Text is plain text, rendered as text everywhere. */
import { z } from 'zod'

export const MAX_COMMENT_LENGTH = 2000
/** A thread keeps at most this much of the phrase it is about. */
export const MAX_QUOTE_LENGTH = 1000

const text = z.string().trim().min(1, { error: '评论内容不能为空' }).max(MAX_COMMENT_LENGTH, { error: `评论最多 ${MAX_COMMENT_LENGTH} 个字` })
const anchor = z.string().min(1).max(512).regex(/^[A-Za-z0-9+/=]+$/, { error: '锚点格式不正确' })

/** 建议修改: the words to put in place of the quoted phrase ('' to delete it), within one paragraph. */
const suggestion = z
  .string()
  .max(MAX_QUOTE_LENGTH, { error: `建议修改的文字最多 ${MAX_QUOTE_LENGTH} 个字` })
  .refine((value) => !/[\r\n]/.test(value), { error: '建议修改的文字不能换行' })

export const createThreadSchema = z.object({
  sectionId: z.string().min(1).max(64),
  anchorStart: anchor,
  anchorEnd: anchor,
  quote: z.string().max(MAX_QUOTE_LENGTH),
  text,
  suggestion: suggestion.optional(),
})

export const commentTextSchema = z.object({ text })
