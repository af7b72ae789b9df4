import { describe, expect, it } from 'vitest'
import { defaultPrecision, formatChange, formatCompletion, formatIndicator, formatNumber, formatValue, indicatorTableRow, joinClauses } from '../../shared/indicators/format.js'

const figure = (overrides: Partial<Parameters<typeof formatValue>[0]>) => ({
  label: '协议资金',
  unit: '亿元',
  precision: 1,
  approx: false,
  value: null,
  previous: null,
  target: null,
  ...overrides,
})

describe('formatting figures as real summaries phrase them', () => {
  it.each([
    ['全年新签工业项目20个', figure({ label: '新签工业项目', unit: '个', precision: 0, value: 20 }), '20个'],
    ['协议资金4.8亿元', figure({ value: 4.8 }), '4.8亿元'],
    ['到位资金1亿元', figure({ label: '到位资金', value: 1 }), '1亿元'],
    ['园区全年创税1002万元', figure({ label: '创税', unit: '万元', precision: 0, value: 1002 }), '1002万元'],
    ['共计减免房租费33.26万元', figure({ label: '减免房租费', unit: '万元', precision: 2, value: 33.26 }), '33.26万元'],
    ['日常巡查20余次', figure({ label: '日常巡查', unit: '次', precision: 0, approx: true, value: 20 }), '20余次'],
    ['谈成意向项目20多个', figure({ label: '意向项目', unit: '个', precision: 0, approx: '多', value: 20 }), '20多个'],
    ['300余名员工 (approx "余")', figure({ label: '员工', unit: '名', precision: 0, approx: '余', value: 300 }), '300余名'],
    ['清理盘活闲置低效土地550亩', figure({ label: '闲置低效土地', unit: '亩', precision: 0, value: 550 }), '550亩'],
    ['占地面积5000平方米', figure({ label: '占地面积', unit: '平方米', precision: 0, value: 5000 }), '5000平方米'],
    ['已完成90%', figure({ label: '完成进度', unit: '%', precision: 0, value: 90 }), '90%'],
    ['组织培训126人次', figure({ label: '培训', unit: '人次', precision: 0, value: 126 }), '126人次'],
    ['rounds to the precision', figure({ value: 4.8456 }), '4.8亿元'],
    ['rounds half up as people do (四舍五入), not as binary floats fall', figure({ value: 1.65 }), '1.7亿元'],
    ['…for 1.005 at two decimals too', figure({ unit: '万元', precision: 2, value: 1.005 }), '1.01万元'],
    ['…and below zero, away from it', figure({ unit: '万元', precision: 1, value: -2.25 }), '-2.3万元'],
    ['a tiny number written with an exponent', figure({ unit: '万元', precision: 2, value: 1e-7 }), '0万元'],
  ])('%s', (_phrase, data, expected) => {
    expect(formatValue(data)).toBe(expected)
  })

  it.each([
    ['同比增长21.6%', figure({ value: 121.6, previous: 100 }), '同比增长21.6%'],
    ['同比增长15.0% keeps one decimal', figure({ value: 4.6, previous: 4 }), '同比增长15.0%'],
    ['同比下降3.2%', figure({ value: 96.8, previous: 100 }), '同比下降3.2%'],
    ['同比持平', figure({ value: 100.01, previous: 100 }), '同比持平'],
    ['missing previous year', figure({ value: 4.8 }), '【待填：协议资金上年数】'],
    ['a rate changes by points: 同比提高2.0个百分点', figure({ label: '合格率', unit: '%', value: 97, previous: 95 }), '同比提高2.0个百分点'],
    ['同比下降0.5个百分点', figure({ label: '入住率', unit: '%', value: 82.3, previous: 82.8 }), '同比下降0.5个百分点'],
    ['a rate up from 0% is still a change in points', figure({ label: '覆盖率', unit: '%', value: 12, previous: 0 }), '同比提高12.0个百分点'],
    ['同比持平 for a rate', figure({ label: '合格率', unit: '%', value: 95, previous: 95.02 }), '同比持平'],
    // Zero last year is known, not missing: no rate, no gap either.
    ['a first this year: 实现零的突破', figure({ label: '新认定高新技术企业', unit: '家', precision: 0, value: 3, previous: 0 }), '实现零的突破'],
    ['still none: 同比持平', figure({ label: '安全事故', unit: '起', precision: 0, value: 0, previous: 0 }), '同比持平'],
    ['below zero from zero: 上年为零', figure({ label: '净利润', unit: '万元', value: -12, previous: 0 }), '上年为零'],
  ])('%s', (_phrase, data, expected) => {
    expect(formatChange(data)).toBe(expected)
  })

  it.each([
    ['完成目标的112%', figure({ value: 5.6, target: 5 }), '完成目标的112%'],
    ['完成目标的96%', figure({ value: 4.8, target: 5 }), '完成目标的96%'],
    ['missing target', figure({ value: 4.8 }), '【待填：协议资金目标】'],
    ['a ceiling of 0 kept', figure({ label: '安全事故', unit: '起', value: 0, target: 0 }), '控制在目标以内'],
    ['a ceiling of 0 passed', figure({ label: '安全事故', unit: '起', value: 1, target: 0 }), '超出控制目标'],
  ])('%s', (_phrase, data, expected) => {
    expect(formatCompletion(data)).toBe(expected)
  })

  it('marks a missing figure as a gap instead of 0, whatever is shown; its change says 同比 before it', () => {
    for (const show of ['value', 'completion'] as const) expect(formatIndicator(figure({}), show)).toBe('【待填：协议资金】')
    expect(formatIndicator(figure({}), 'change')).toBe('同比【待填：协议资金】')
    expect(formatIndicator(undefined, 'value', 'ghost')).toBe('【待填：未知指标 ghost】')
  })

  it('builds indicator table rows', () => {
    expect(indicatorTableRow('agreed_funds', figure({ value: 5.2, previous: 4.3, target: 5 }))).toEqual({
      key: 'agreed_funds',
      label: '协议资金',
      current: '5.2亿元',
      previous: '4.3亿元',
      change: '增长20.9%',
      target: '5亿元',
      completion: '104%',
    })
    expect(indicatorTableRow('pass_rate', figure({ label: '合格率', unit: '%', value: 97, previous: 95 })).change).toBe('提高2.0个百分点')
    expect(indicatorTableRow('firms', figure({ label: '新认定高新技术企业', unit: '家', value: 3, previous: 0 })).change).toBe('—')
    expect(indicatorTableRow('accidents', figure({ label: '安全事故', unit: '起', value: 0, previous: 0 })).change).toBe('持平')
  })

  it('keeps the decimals a unit usually has when the template gives no precision', () => {
    expect([['个', 0], ['人次', 0], ['%', 1], ['万元', 2], ['亿元', 2], ['亩', 2], ['平方米', 2]].map(([unit]) => [unit, defaultPrecision(unit as string)])).toEqual([
      ['个', 0],
      ['人次', 0],
      ['%', 1],
      ['万元', 2],
      ['亿元', 2],
      ['亩', 2],
      ['平方米', 2],
    ])
    expect(formatValue(figure({ label: '减免房租费', unit: '万元', precision: defaultPrecision('万元'), value: 33.26 }))).toBe('33.26万元')
    expect(formatValue(figure({ precision: defaultPrecision('亿元'), value: 4.8 }))).toBe('4.8亿元')
  })

  it('joins clauses with full-width punctuation', () => {
    expect(joinClauses(['全年新签工业项目20个', '协议资金4.8亿元', '到位资金1亿元'])).toBe('全年新签工业项目20个，协议资金4.8亿元，到位资金1亿元。')
    expect(formatNumber(1002, 0)).toBe('1002')
  })
})
