import { describe, expect, it } from 'vitest'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { findTypedFigureMismatches } from '../../shared/typedFigures.js'

const figure = (overrides: Partial<IndicatorData>): IndicatorData => ({
  label: '协议资金',
  unit: '亿元',
  precision: 1,
  approx: false,
  departmentId: 'd',
  value: 5.2,
  previous: null,
  target: null,
  updatedAt: null,
  source: null,
  ...overrides,
})

const figures = {
  agreed_funds: figure({}),
  new_projects: figure({ label: '新签工业项目', unit: '个', precision: 0, value: 18 }),
  inspections: figure({ label: '开展日常巡查', unit: '次', precision: 0, value: 20, approx: true }),
  arrived_funds: figure({ label: '到位资金', value: null }),
}

describe('figures typed by hand', () => {
  it('flags a typed figure the data contradicts, naming what the data says', () => {
    expect(findTypedFigureMismatches('全年新签工业项目20个，协议资金达到5.3亿元。', figures)).toEqual([
      { key: 'agreed_funds', typed: '协议资金达到5.3亿元', expected: '5.2亿元' },
      { key: 'new_projects', typed: '新签工业项目20个', expected: '18个' },
    ])
  })

  it('accepts what matches the data as printed, rounded or approximate, and reads nothing looser', () => {
    expect(findTypedFigureMismatches('协议资金5.2亿元，新签工业项目18个，开展日常巡查20余次。', figures)).toEqual([])
    expect(findTypedFigureMismatches('协议资金5.24亿元', { agreed_funds: figure({ value: 5.2 }) })).toEqual([]) // 5.24 prints as 5.2
    // Another unit, a clause in between, or a figure without a value: not read.
    expect(findTypedFigureMismatches('协议资金5.3万元；新签工业项目，其中20个已开工；到位资金9亿元', figures)).toEqual([])
  })
})
