import type { IndicatorData } from '../../shared/indicators/types.js'

/** A figure's data as the indicators root holds it: 协议资金 5.2亿元 unless told otherwise. */
export const indicatorData = (overrides: Partial<IndicatorData>): IndicatorData => ({
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
