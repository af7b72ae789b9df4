import { describe, expect, it } from 'vitest'
import { daysBetween, formatChinaShortTime, formatChinaTime, formatMonthDay } from '../../shared/chinaDay.js'
import { describeDeadline, isOverdue } from '../../shared/deadline.js'

describe('the deadline of a summary', () => {
  it('says how many days are left, that it is today, or how long ago it passed', () => {
    expect(describeDeadline('2026-12-10', '2026-12-07')).toBe('提交截止 12月10日（还剩 3 天）')
    expect(describeDeadline('2026-12-10', '2026-12-10')).toBe('提交截止 12月10日（今天截止）')
    expect(describeDeadline('2026-12-10', '2026-12-12')).toBe('提交截止 12月10日（已逾期 2 天）')
    expect(describeDeadline('2027-01-05', '2026-12-31')).toBe('提交截止 1月5日（还剩 5 天）')
  })

  it('makes only sections still being written overdue, and only after the day', () => {
    expect(isOverdue('drafting', '2026-12-10', '2026-12-11')).toBe(true)
    expect(isOverdue('drafting', '2026-12-10', '2026-12-10')).toBe(false)
    expect(isOverdue('review', '2026-12-10', '2026-12-11')).toBe(false)
    expect(isOverdue('final', '2026-12-10', '2026-12-11')).toBe(false)
    expect(isOverdue('drafting', undefined, '2026-12-11')).toBe(false)
  })

  it('counts days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30)
    expect(formatMonthDay('2026-03-08')).toBe('3月8日')
  })
})

describe('times as they are read in China', () => {
  it('shows a moment on the clock in China, whatever the zone of the computer', () => {
    // 2026-11-30 16:05 UTC is past midnight in China: 12月1日 00:05.
    const at = Date.UTC(2026, 10, 30, 16, 5)
    expect(formatChinaTime(at)).toBe('2026-12-01 00:05')
    expect(formatChinaShortTime(at)).toBe('12/1 00:05')
    expect(formatChinaShortTime(Date.UTC(2026, 2, 8, 1, 30))).toBe('3/8 09:30')
  })
})
