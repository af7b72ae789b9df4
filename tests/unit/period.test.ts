import { describe, expect, it } from 'vitest'
import { halfYearTitle, rewordForPeriod, toHalfYear } from '../../shared/period.js'

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
})
