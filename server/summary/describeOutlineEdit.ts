/**
 * What an outline edit changed, for the journal: 标题“…”→“…”、部门 招商部→办公室、级别 2→3、
 * 写作提示、字数目标 0→500、位置. Empty when nothing changed (a status change alone, say).
 */
import type { OutlineEntry } from '../../shared/doc/outline.js'

export interface OutlineEdit {
  title?: string
  departmentId?: string
  level?: number
  hint?: string
  wordTarget?: number
}

export const describeOutlineEdit = (before: OutlineEntry, edit: OutlineEdit, moved: boolean, departmentName: (id: string) => string): string => {
  const parts: string[] = []
  if (edit.title !== undefined && edit.title !== before.title) parts.push(`标题“${before.title}”→“${edit.title}”`)
  if (edit.departmentId !== undefined && edit.departmentId !== before.departmentId) parts.push(`部门 ${departmentName(before.departmentId)}→${departmentName(edit.departmentId)}`)
  if (edit.level !== undefined && edit.level !== before.level) parts.push(`级别 ${before.level}→${edit.level}`)
  if (edit.hint !== undefined && edit.hint !== before.hint) parts.push('写作提示')
  if (edit.wordTarget !== undefined && edit.wordTarget !== before.wordTarget) parts.push(`字数目标 ${before.wordTarget}→${edit.wordTarget}`)
  if (moved) parts.push('位置')
  return parts.join('、')
}
