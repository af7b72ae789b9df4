/**
 * Turns zod issues into Chinese messages that name the bad field, e.g.
 * `sections[0].children[1].title：不能为空`. Used by the template validator and every API body.
 */
import type { z } from 'zod'

export interface FieldProblem {
  path: string
  message: string
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  int: '整数',
}

/** formatPath(['sections', 0, 'id']) === 'sections[0].id' */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`
    return text === '' ? String(part) : `${text}.${String(part)}`
  }, '')

const describeIssue = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少该字段' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`
      return issue.origin === 'array' ? `至少需要 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字符`
      return issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`
    case 'invalid_value':
      return `取值无效，可选：${issue.values.map(String).join('、')}`
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? '格式不正确' : issue.message
    default:
      // Our own messages are Chinese; zod's English defaults (a check without a message) are not shown as such.
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确'
  }
}

export const describeIssues = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }))

/** One line per problem: `字段 path：message`. */
export const summariseProblems = (problems: readonly FieldProblem[]): string =>
  problems.map((problem) => (problem.path ? `${problem.path}：${problem.message}` : problem.message)).join('；')
