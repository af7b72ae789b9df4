/**
 * Who may write which section. The server's update guard and HTTP routes decide with these
 * functions; the client uses the same ones only to show a section as read-only.
 */
import type { SectionStatus } from './doc/outline.js'

export const ROLES = ['admin', 'editor', 'leader', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export interface Actor {
  role: Role
  departmentId: string | null
}

export interface SectionOwnership {
  departmentId: string
  status: SectionStatus
}

/**
 * A final section is locked for everyone until the admin reopens it. Otherwise admins write
 * every section, editors the sections of their department, leaders and viewers none.
 */
export const canWriteSection = (actor: Actor, section: SectionOwnership): boolean => {
  if (section.status === 'final') return false
  if (actor.role === 'admin') return true
  return actor.role === 'editor' && actor.departmentId !== null && actor.departmentId === section.departmentId
}

/**
 * Who may be named 执笔人 of a department's section: an active member of that department who may
 * write its sections (a writer, or the admin when the admin belongs to it, as 办公室's does).
 */
export const canBeWriter = (person: Actor & { disabled: boolean }, departmentId: string): boolean =>
  !person.disabled && person.departmentId === departmentId && (person.role === 'editor' || person.role === 'admin')

/**
 * Who may name a section's 执笔人: the admin, or a writer of the section's department while the
 * section is open (a 定稿 section is written; only the admin corrects the record of who wrote it).
 */
export const canNameWriter = (actor: Actor, section: { departmentId: string; status: string }): boolean =>
  actor.role === 'admin' || (actor.role === 'editor' && actor.departmentId === section.departmentId && section.status !== 'final')

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  editor: '撰写人',
  leader: '领导',
  viewer: '只读',
}

/** Viewers (只读) read everything and change nothing but their own account and read marks. */
export const isReadOnly = (actor: Actor): boolean => actor.role === 'viewer'

/** Everyone but viewers may start and answer comment threads. */
export const canComment = (actor: Actor): boolean => !isReadOnly(actor)

/** The section owner's department, a leader or the admin may resolve or reopen a thread. */
export const canResolveThread = (actor: Actor, sectionDepartmentId: string | undefined): boolean =>
  actor.role === 'admin' || actor.role === 'leader' || (actor.role === 'editor' && actor.departmentId !== null && actor.departmentId === sectionDepartmentId)
