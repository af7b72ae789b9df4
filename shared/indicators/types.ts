/** The figure stored for one indicator key in the `indicators` root (DESIGN.md "One Y.Doc"). */
export interface IndicatorData {
  label: string
  unit: string
  /** Decimal places of the value; rates are always printed with one decimal. */
  precision: number
  /** Approximate counts: true or '余' print as `20余次`, '多' as `20多个`. */
  approx: boolean | '余' | '多'
  departmentId: string
  value: number | null
  previous: number | null
  target: number | null
  updatedAt: number | null
  source: string | null
  /**
   * 核实: who checked the figure against the statistics (the office or a leader), and when; a
   * change of value, last year's, target or unit clears it. Absent on figures never checked.
   */
  verifiedBy?: string | null
  verifiedAt?: number | null
  /**
   * A rate computed from two other figures, in %: 隐患整改率 = 整改隐患 ÷ 排查隐患. Its value and
   * last year's are never typed, always computed (readIndicators); only its target is kept.
   */
  ratio?: FigureRatio
}

export interface FigureRatio {
  part: string
  whole: string
}

export const INDICATOR_SHOWS = ['value', 'change', 'completion'] as const
export type IndicatorShow = (typeof INDICATOR_SHOWS)[number]

export const SHOW_LABELS: Record<IndicatorShow, string> = {
  value: '数值',
  change: '同比',
  completion: '完成率',
}
