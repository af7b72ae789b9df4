import { describe, expect, it } from 'vitest'
import { halfYearTitle, reportYear, rewordForPeriod, toHalfYear } from '../../shared/period.js'

describe('半年总结', () => {
  it('reads a year’s section titles and hints for the first half', () => {
    expect(toHalfYear('下一年度工作打算', 2026)).toBe('下半年工作打算')
    expect(toHalfYear('2027年工作打算', 2026)).toBe('下半年工作打算')
    expect(toHalfYear('明年工作思路', 2026)).toBe('下半年工作打算')
    expect(toHalfYear('用一段话概括全年主要经济指标', 2026)).toBe('用一段话概括上半年主要经济指标')
    // Another year's plan, or a title that only mentions one, stays.
    expect(toHalfYear('2030年工作计划', 2026)).toBe('2030年工作计划')
    expect(toHalfYear('招商引资取得新突破', 2026)).toBe('招商引资取得新突破')
  })

  it('words a continued summary’s titles for its own period', () => {
    expect(rewordForPeriod('下一年度工作打算', 'year', 'half', 2026)).toBe('下半年工作打算')
    expect(rewordForPeriod('下半年工作打算', 'half', 'year', 2026)).toBe('下一年度工作打算')
    expect(rewordForPeriod('概括上半年主要经济指标', 'half', 'year', 2026)).toBe('概括全年主要经济指标')
    // The same period keeps the words.
    expect(rewordForPeriod('下半年工作打算', 'half', 'half', 2026)).toBe('下半年工作打算')
    expect(rewordForPeriod('概括全年主要经济指标', 'year', 'year', 2026)).toBe('概括全年主要经济指标')
  })

  it('titles a half-year summary as offices do', () => {
    expect(halfYearTitle('青山工业园区管理委员会', 2026)).toBe('青山工业园区管理委员会2026年上半年工作总结和下半年工作打算')
  })

  it('proposes the year a summary begun today reports on', () => {
    // A 年度总结 begun in December is this year's, one begun in January last year's.
    expect(reportYear('year', new Date(2026, 10, 30))).toBe(2026)
    expect(reportYear('year', new Date(2027, 0, 5))).toBe(2026)
    expect(reportYear('year', new Date(2027, 5, 30))).toBe(2026)
    expect(reportYear('year', new Date(2027, 6, 1))).toBe(2027)
    // A 半年总结 is written at mid-year about the half just ended.
    expect(reportYear('half', new Date(2027, 5, 20))).toBe(2027)
    expect(reportYear('half', new Date(2027, 6, 10))).toBe(2027)
  })
})
