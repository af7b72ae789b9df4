/**
 * 半年总结: offices write one at mid-year (上半年工作总结和下半年工作打算) with the same outline
 * as the year's. A year's template becomes a half-year's in words only: 全年 reads 上半年, and the
 * plan for next year (下一年度工作打算, 2027年工作打算) is the plan for the second half. Figures
 * are the half-year's and 上年 last year's first half, as the office fills them in.
 */
export const PERIODS = ['year', 'half'] as const
export type Period = (typeof PERIODS)[number]

export const PERIOD_LABELS: Record<Period, string> = { year: '年度总结', half: '半年总结' }

/** 青山工业园区管理委员会2026年上半年工作总结和下半年工作打算. */
export const halfYearTitle = (organisation: string, year: number): string => `${organisation}${year}年上半年工作总结和下半年工作打算`

const PLAN_TITLE = /^(?:下一年度|下一年|明年|来年|(\d{4})年(?:度)?)工作(?:打算|计划|思路|安排)$/

/** A section title or 写作提示 of a year's template, for the half-year (`year`: the summary's). */
export const toHalfYear = (text: string, year: number): string => {
  const plan = PLAN_TITLE.exec(text)
  if (plan && (plan[1] === undefined || Number(plan[1]) === year + 1)) return '下半年工作打算'
  return text.replaceAll('全年', '上半年')
}

/**
 * The year a summary begun on `today` most likely reports on: a 年度总结 is written from about
 * November into the new year, so one begun in January–June is last year's; a 半年总结 is written
 * in June or July about the half just ended, the same year.
 */
export const reportYear = (period: Period, today: Date): number => {
  const year = today.getFullYear()
  return period === 'year' && today.getMonth() < 6 ? year - 1 : year
}

/** A summary's period from its meta, where a year's says nothing. */
export const periodOf = (meta: { period?: Period }): Period => meta.period ?? 'year'

/** A half-year's section title or 写作提示, for the year's summary that continues it. */
export const toFullYear = (text: string): string => (text === '下半年工作打算' ? '下一年度工作打算' : text.replaceAll('上半年', '全年'))

/** A text written for a summary of period `from` (a template's are a year's), worded for one of period `to` (`year`: that one's). */
export const rewordForPeriod = (text: string, from: Period, to: Period, year: number): string =>
  from === to ? text : to === 'half' ? toHalfYear(text, year) : toFullYear(text)

/** How the seeded sentence of a section's figures begins: 全年新签工业项目20个 / 上半年… */
export const periodLead = (period: Period | undefined): string => (period === 'half' ? '上半年' : '全年')
