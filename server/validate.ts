/** Parses external input with a zod schema or throws a 400 AppError naming each bad field. */
import type { z } from 'zod'
import { describeIssues, summariseProblems } from '../shared/schema/zodIssues.js'
import { AppError } from './errors.js'

export const parseInput = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  // reportInput: what was sent tells a missing field (缺少该字段) from a wrong type (应为数字).
  const parsed = schema.safeParse(input, { reportInput: true })
  if (parsed.success) return parsed.data
  const problems = describeIssues(parsed.error)
  throw new AppError(400, 'invalid-input', `输入有误：${summariseProblems(problems)}`, problems)
}
