import { describe, expect, it } from 'vitest'
import type { SectionStatus } from '../../shared/doc/outline.js'
import { diffParagraphs } from '../../shared/diffParagraphs.js'
import { canWriteSection, type Actor } from '../../shared/roles.js'
import { availableTransitions, checkTransition } from '../../shared/workflow.js'

const owner = 'dept-invest'
const actors: Record<string, Actor> = {
  writer: { role: 'editor', departmentId: owner },
  stranger: { role: 'editor', departmentId: 'dept-safety' },
  leader: { role: 'leader', departmentId: null },
  admin: { role: 'admin', departmentId: 'dept-office' },
  viewer: { role: 'viewer', departmentId: null },
}

const outcome = (who: string, from: SectionStatus, to: SectionStatus) => {
  const check = checkTransition(actors[who]!, owner, from, to)
  return check.ok ? 'ok' : check.status
}

describe('section workflow', () => {
  it.each([
    ['writer', 'drafting', 'review', 'ok'],
    ['admin', 'drafting', 'review', 'ok'],
    ['stranger', 'drafting', 'review', 403],
    ['leader', 'drafting', 'review', 403],
    ['leader', 'review', 'final', 'ok'],
    ['admin', 'review', 'final', 'ok'],
    ['writer', 'review', 'final', 403],
    ['leader', 'review', 'drafting', 'ok'],
    ['writer', 'review', 'drafting', 403],
    ['admin', 'final', 'drafting', 'ok'],
    ['leader', 'final', 'drafting', 403],
    ['admin', 'drafting', 'final', 409],
    ['admin', 'final', 'review', 409],
    ['viewer', 'drafting', 'review', 403],
  ] as const)('%s: %s → %s is %s', (who, from, to, expected) => {
    expect(outcome(who, from, to)).toBe(expected)
  })

  it('requires a reason to send a section back', () => {
    const check = checkTransition(actors.leader!, owner, 'review', 'drafting')
    expect(check.ok && check.rule.needsReason).toBe(true)
  })

  it('offers each role only its own buttons', () => {
    expect(availableTransitions(actors.writer!, owner, 'drafting').map((rule) => rule.label)).toEqual(['提交审核'])
    expect(availableTransitions(actors.leader!, owner, 'review').map((rule) => rule.label)).toEqual(['通过定稿', '退回修改'])
    expect(availableTransitions(actors.writer!, owner, 'final')).toEqual([])
  })

  it('locks a final section for everyone, the admin included', () => {
    for (const actor of Object.values(actors)) expect(canWriteSection(actor, { departmentId: owner, status: 'final' })).toBe(false)
    expect(canWriteSection(actors.writer!, { departmentId: owner, status: 'review' })).toBe(true)
  })
})

describe('diffParagraphs', () => {
  it('marks inserted and deleted paragraphs in reading order', () => {
    expect(diffParagraphs(['甲', '乙', '丙'], ['甲', '乙改', '丙', '丁'])).toEqual([
      { op: 'equal', text: '甲' },
      { op: 'delete', text: '乙' },
      { op: 'insert', text: '乙改' },
      { op: 'equal', text: '丙' },
      { op: 'insert', text: '丁' },
    ])
    expect(diffParagraphs([], ['新'])).toEqual([{ op: 'insert', text: '新' }])
  })
})
