/**
 * Figures far from last year's or from their target: ten times as much, or less than a tenth.
 * In these reports that is a slip more often than a fact — 万元 entered as 亿元, a decimal point
 * lost (52 for 5.2) — so the office is asked to check it before the figure is printed. Rates in %
 * are left out (a rate's change is read in points), as are zero and negative amounts.
 */
import { formatAmount, formatValue } from './indicators/format.js'
import type { IndicatorData } from './indicators/types.js'

export const OUTLIER_FACTOR = 10

export interface FigureOutlier {
  key: string
  message: string
}

const far = (value: number, other: number): boolean => value >= other * OUTLIER_FACTOR || value * OUTLIER_FACTOR <= other

/** `是上年（4.3亿元）的12.1倍` or `不到上年（4.3亿元）的十分之一`. */
const howFar = (value: number, other: string, what: string, amount: number): string =>
  value > amount ? `是${what}（${other}）的${(value / amount).toFixed(1).replace(/\.0$/, '')}倍` : `不到${what}（${other}）的十分之一`

export const figureOutlier = (figure: IndicatorData): string | null => {
  const { value, previous, target, unit, label } = figure
  if (value === null || value <= 0 || unit === '%') return null
  const against = (other: number | null, what: string) =>
    other !== null && other > 0 && far(value, other) ? howFar(value, formatAmount(figure, other), what, other) : null
  const found = [against(previous, '上年'), against(target, '目标')].filter((part) => part !== null)
  return found.length ? `指标“${label}”本年${formatValue(figure)}，${found.join('，')}，请核对数值和单位` : null
}

export const figureOutliers = (figures: Readonly<Record<string, IndicatorData>>): FigureOutlier[] =>
  Object.entries(figures).flatMap(([key, figure]) => {
    const message = figureOutlier(figure)
    return message ? [{ key, message }] : []
  })
