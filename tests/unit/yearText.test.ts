import { describe, expect, it } from 'vitest'
import { renderYears, shiftYears, yearPlaceholders } from '../../shared/yearText.js'

describe('years in a summary’s words', () => {
  it('fills in a template’s year and the next', () => {
    expect(renderYears('{organisation}{year}年工作总结和{nextYear}年工作打算', 2026)).toBe('{organisation}2026年工作总结和2027年工作打算')
    expect(renderYears('与{lastYear}年相比', 2026)).toBe('与2025年相比')
  })

  it('turns a summary’s year and the next into placeholders, and nothing else', () => {
    expect(yearPlaceholders('2026年工作总结和2027年工作打算', 2026)).toBe('{year}年工作总结和{nextYear}年工作打算')
    expect(yearPlaceholders('较2025年增长，自2018年建园以来，控制在5000字以内，2026家企业', 2026)).toBe('较{lastYear}年增长，自2018年建园以来，控制在5000字以内，2026家企业')
  })

  it('moves a text on to another year', () => {
    expect(shiftYears('2027年工作打算', 2026, 2027)).toBe('2028年工作打算')
    expect(shiftYears('写明2026年完成情况，对比2025年，自2018年以来', 2026, 2027)).toBe('写明2027年完成情况，对比2026年，自2018年以来')
    expect(shiftYears('2026年工作总结', 2026, 2026)).toBe('2026年工作总结')
  })
})
