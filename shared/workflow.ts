/**
 * The section workflow: 撰写中 drafting → 待审核 review → 已定稿 final. The owning department
 * (or the admin) hands a section in; a leader or the admin approves it or sends it back with a
 * reason; only the admin reopens a final section. The server decides with these rules; the
 * client shows only the buttons they allow.
 */
import type { SectionStatus } from './doc/outline.js'
import type { Actor } from './roles.js'

export const STATUS_LABELS: Record<SectionStatus, string> = { drafting: '撰写中', review: '待审核', final: '已定稿' }

interface Rule {
  from: SectionStatus
  to: SectionStatus
  label: string
  needsReason: boolean
  allowed: (actor: Actor, sectionDepartmentId: string) => boolean
}

const isLeaderOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'leader'

export const TRANSITIONS: readonly Rule[] = [
  { from: 'drafting', to: 'review', label: '提交审核', needsReason: false, allowed: (actor, owner) => actor.role === 'admin' || (actor.role === 'editor' && actor.departmentId === owner) },
  { from: 'review', to: 'final', label: '通过定稿', needsReason: false, allowed: isLeaderOrAdmin },
  { from: 'review', to: 'drafting', label: '退回修改', needsReason: true, allowed: isLeaderOrAdmin },
  { from: 'final', to: 'drafting', label: '重新打开', needsReason: false, allowed: (actor) => actor.role === 'admin' },
]

export type TransitionCheck =
  | { ok: true; rule: Rule }
  | { ok: false; status: 409 | 403; code: string; message: string }

/** Whether `actor` may move a section of `owner` from `from` to `to`. */
export const checkTransition = (actor: Actor, owner: string, from: SectionStatus, to: SectionStatus): TransitionCheck => {
  const rule = TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to)
  if (!rule) return { ok: false, status: 409, code: 'invalid-transition', message: `不能从“${STATUS_LABELS[from]}”改为“${STATUS_LABELS[to]}”` }
  if (!rule.allowed(actor, owner)) return { ok: false, status: 403, code: 'forbidden-transition', message: `您无权将本节“${rule.label}”` }
  return { ok: true, rule }
}

/** The transitions `actor` may make from `from` now (for buttons). */
export const availableTransitions = (actor: Actor, owner: string, from: SectionStatus): Rule[] =>
  TRANSITIONS.filter((rule) => rule.from === from && rule.allowed(actor, owner))

/** Whether `actor` may approve (通过定稿) a handed-in section of `owner`. */
export const canApprove = (actor: Actor, owner: string): boolean => availableTransitions(actor, owner, 'review').some((rule) => rule.to === 'final')

/** The comment a return (退回修改) leaves on the section: this prefix, then the reason. */
export const RETURN_NOTE_PREFIX = '退回修改：'

/** Sections sent back whose return note is still open: 被退回 (progress, the section's header). */
export const sectionsSentBack = (threads: readonly { sectionId: string; text: string; resolved: boolean }[]): Set<string> =>
  new Set(threads.filter((thread) => !thread.resolved && thread.text.startsWith(RETURN_NOTE_PREFIX)).map((thread) => thread.sectionId))


/** The comment 催办 leaves on a section not yet handed in: this prefix, then what is expected. */
export const REMINDER_PREFIX = '【催办】'
