import { describe, expect, it } from 'vitest'
import { findTypedFigureMismatches } from '../../shared/typedFigures.js'
import { indicatorData as figure } from './indicatorFixture.js'

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

  it('checks a typed 同比 against the change the data gives, for the figure it follows', () => {
    const withPrevious = {
      agreed_funds: figure({ value: 5.2, previous: 4.3 }), // +20.9%
      arrived_funds: figure({ label: '到位资金', value: 1.6, previous: 1.2 }), // +33.3%
      occupancy: figure({ label: '标准厂房入住率', unit: '%', precision: 1, value: 92, previous: 88 }), // +4.0 points
    }
    expect(findTypedFigureMismatches('协议资金5.2亿元，同比增长25%。', withPrevious)).toEqual([
      { key: 'agreed_funds', typed: '协议资金5.2亿元，同比增长25%', expected: '同比增长20.9%' },
    ])
    // Right as typed (rounded as typed), or belonging to the figure named in between: not flagged.
    expect(findTypedFigureMismatches('协议资金同比增长20.9%，到位资金1.6亿元，同比增长33%。', withPrevious)).toEqual([])
    expect(findTypedFigureMismatches('协议资金5.2亿元，到位资金1.6亿元，同比增长33.3%。', withPrevious)).toEqual([])
    // A figure in % changes by percentage points; a typed fall where the data rose is flagged.
    expect(findTypedFigureMismatches('标准厂房入住率同比提高4个百分点。', withPrevious)).toEqual([])
    expect(findTypedFigureMismatches('标准厂房入住率同比下降4个百分点。', withPrevious)).toEqual([
      { key: 'occupancy', typed: '标准厂房入住率同比下降4个百分点', expected: '同比提高4.0个百分点' },
    ])
  })

  it('checks a typed 完成目标的…% against value and target', () => {
    const withTarget = { agreed_funds: figure({ value: 5.2, target: 5 }) } // 104%
    expect(findTypedFigureMismatches('协议资金完成全年目标任务的104%。', withTarget)).toEqual([])
    expect(findTypedFigureMismatches('协议资金5.2亿元，完成年度目标的120%。', withTarget)).toEqual([
      { key: 'agreed_funds', typed: '协议资金5.2亿元，完成年度目标的120%', expected: '完成目标的104%' },
    ])
  })
})

