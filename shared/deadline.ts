/**
 * A summary's deadline (截止日期): the day by which every department hands its sections in
 * (提交审核). A section still being written after that day is overdue; one in review or final is
 * handed in. Days are days in China.
 */
import { daysBetween, formatMonthDay } from './chinaDay.js'
import type { SectionStatus } from './doc/outline.js'

export const isOverdue = (status: SectionStatus, dueDate: string | undefined, today: string): boolean =>
  dueDate !== undefined && status === 'drafting' && today > dueDate

/** 截止12月10日（还剩3天）/（今天截止）/（已逾期2天）. */
export const describeDeadline = (dueDate: string, today: string): string => {
  const left = daysBetween(today, dueDate)
  const when = left > 0 ? `还剩 ${left} 天` : left === 0 ? '今天截止' : `已逾期 ${-left} 天`
  return `提交截止 ${formatMonthDay(dueDate)}（${when}）`
}

export const DUE_DATE_FORMAT_MESSAGE = '截止日期应为 YYYY-MM-DD 格式的有效日期，如 2026-12-10'
