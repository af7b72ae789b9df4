import { describe, expect, it } from 'vitest'
import { checkHeader, IGNORED_COLUMN, normaliseColumn } from '../../shared/schema/figures.js'

const columns = (header: string[], year?: number) => header.map((cell) => normaliseColumn(cell, year))

describe('the columns of a figures sheet', () => {
  it('reads years as this year’s and last year’s figures and this year’s target', () => {
    expect(columns(['指标名称', '2025年', '2026年', '2026年目标', '2026年度计划数'], 2026)).toEqual(['label', 'previous', 'value', 'target', 'target'])
    expect(columns(['2024年', '2025年完成', '2026年（万元）'], 2026)).toEqual([IGNORED_COLUMN, 'previous', 'value'])
    // Without a year (the users' table), a year is no column.
    expect(columns(['2026年'])).toEqual(['2026年'])
  })

  it('drops a unit in brackets and ignores what is there for people', () => {
    expect(columns(['本年（万元）', '上年(万元)', '同比增长（%）', '序号', '备注', '责任部门', ' KEY '], 2026)).toEqual(['value', 'previous', IGNORED_COLUMN, IGNORED_COLUMN, IGNORED_COLUMN, IGNORED_COLUMN, 'key'])
  })

  it('accepts such a header and still names what it cannot read', () => {
    expect(checkHeader(columns(['key', 'value', 'note'])).map((problem) => problem.message)).toEqual([expect.stringContaining('不认识的列“note”')])
    expect(checkHeader(columns(['序号', '指标名称', '2025年', '2026年', '增幅'], 2026))).toEqual([])
    expect(checkHeader(columns(['指标名称', '本年', '完成情况说明书'], 2026)).map((problem) => problem.message)).toEqual([expect.stringContaining('不认识的列“完成情况说明书”')])
  })
})
