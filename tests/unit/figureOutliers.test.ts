import { describe, expect, it } from 'vitest'
import { getIndicators } from '../../shared/doc/indicators.js'
import { figureOutlier } from '../../shared/figureOutliers.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { checkSummary } from '../../shared/preflight.js'
import { buildFixture } from './exportFixture.js'

const figure = (fields: Partial<IndicatorData>): IndicatorData => ({
  label: '协议资金', unit: '亿元', precision: 1, approx: false, departmentId: 'd', value: 5.2, previous: 4.3, target: 5, updatedAt: null, source: null, ...fields,
})

describe('figures far from last year or their target', () => {
  it('asks to check a value ten times last year’s or its target, or under a tenth', () => {
    expect(figureOutlier(figure({ value: 52 }))).toBe('指标“协议资金”本年52亿元，是上年（4.3亿元）的12.1倍，是目标（5亿元）的10.4倍，请核对数值和单位')
    expect(figureOutlier(figure({ value: 0.4, target: null }))).toBe('指标“协议资金”本年0.4亿元，不到上年（4.3亿元）的十分之一，请核对数值和单位')
    expect(figureOutlier(figure({ value: 43, previous: 4.3, target: null }))).toBe('指标“协议资金”本年43亿元，是上年（4.3亿元）的10倍，请核对数值和单位')
  })

  it('leaves alone ordinary changes, rates, missing and zero amounts', () => {
    expect(figureOutlier(figure({}))).toBeNull()
    expect(figureOutlier(figure({ value: 40, previous: 4.3, target: 41 }))).toBeNull() // 9.3×, and on target
    expect(figureOutlier(figure({ unit: '%', value: 30, previous: 2 }))).toBeNull()
    expect(figureOutlier(figure({ value: null }))).toBeNull()
    expect(figureOutlier(figure({ value: 0 }))).toBeNull()
    expect(figureOutlier(figure({ value: 12, previous: 0, target: null }))).toBeNull()
  })

  it('lists them among the preflight checks, with the section that shows the figure', () => {
    const doc = buildFixture()
    const figures = getIndicators(doc)
    figures.set('agreed_funds', { ...figures.get('agreed_funds')!, value: 48 })
    expect(checkSummary(doc).checks.filter((check) => check.kind === 'outlier')).toEqual([
      { kind: 'outlier', key: 'agreed_funds', sectionId: 'invest', message: '指标“协议资金”本年48亿元，是上年（4亿元）的12倍，是目标（4.5亿元）的10.7倍，请核对数值和单位' },
    ])
  })

  it('asks about a figure filled in that no section shows, and not about one still to fill in', () => {
    const doc = buildFixture()
    expect(checkSummary(doc).checks.filter((check) => check.kind === 'unused')).toEqual([])
    const figures = getIndicators(doc)
    figures.set('hightech_firms', { ...figure({ label: '新认定高新技术企业', unit: '家', precision: 0 }), value: 6 })
    figures.set('new_firms', { ...figure({ label: '新注册企业', unit: '家', precision: 0 }), value: null })
    expect(checkSummary(doc).checks.filter((check) => check.kind === 'unused')).toEqual([
      { kind: 'unused', key: 'hightech_firms', message: '指标“新认定高新技术企业”已填报（6家），但正文中没有用到，如需写入请在相关章节中用 # 插入' },
    ])
  })
})
