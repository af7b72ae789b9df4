/**
 * Formats figures the way year-end summaries phrase them: `20个`, `4.8亿元`, `20余次`,
 * `同比增长15.0%`, `同比下降3.2%`, `同比持平`, `完成目标的112%`. A missing figure is never
 * printed as 0: it becomes a marked gap `【待填：协议资金】`. The editor, the exports and the
 * preflight all format through this module.
 */
import type { IndicatorData, IndicatorShow } from './types.js'

type Figure = Pick<IndicatorData, 'label' | 'unit' | 'precision' | 'approx' | 'value' | 'previous' | 'target'>

export const GAP_PATTERN = /【待填[：:][^】]*】/g

/** formatGap('协议资金') === '【待填：协议资金】' */
export const formatGap = (what: string): string => `【待填：${what}】`

/** Measure words of counts: a count is a whole number. */
const COUNT_UNITS = new Set(['个', '家', '份', '次', '场', '名', '户', '项', '人', '人次', '期', '条', '篇', '台', '处', '节', '所', '座', '批', '起', '件', '家次'])

/**
 * The decimals a figure keeps when its template does not say (precision is a maximum; trailing
 * zeros are dropped, so 4.80 prints 4.8): counts none, rates one, money and measures two, so what
 * the office entered (33.26万元, 550.5亩) is never rounded away unasked.
 */
export const defaultPrecision = (unit: string): number => (COUNT_UNITS.has(unit) ? 0 : unit === '%' ? 1 : 2)

/**
 * A number with at most `precision` decimals and no trailing zeros: 4.80 → 4.8, 1.0 → 1. Rounded
 * half away from zero as people round (四舍五入): 1.65 → 1.7, although the double nearest 1.65 is
 * 1.6499… and `toFixed` gives 1.6; shifting the decimal point in the number's text keeps it exact.
 */
export const formatNumber = (value: number, precision: number): string => {
  const places = Math.max(0, Math.min(4, precision))
  const digits = String(Math.abs(value))
  // A number JavaScript writes with an exponent (1e-7, 1e+21) has nothing to gain from the shift.
  const rounded = digits.includes('e') ? value : Math.sign(value) * Number(`${Math.round(Number(`${digits}e${places}`))}e-${places}`)
  const fixed = rounded.toFixed(places)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

/** The rate of change in percent, or null when it cannot be computed. */
export const changeRate = (value: number | null, previous: number | null): number | null =>
  value === null || previous === null || previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100

/** Completion of target in percent, or null when it cannot be computed. */
export const completionRate = (value: number | null, target: number | null): number | null =>
  value === null || target === null || target === 0 ? null : (value / target) * 100

/** The word after an approximate number: 20余次, 20多个. */
const approxWord = (approx: Figure['approx']): string => (approx === '多' ? '多' : approx ? '余' : '')

/** `52.4亿元`, `20余次`, `15%`, or the gap for a missing value. */
export const formatValue = (figure: Figure): string => {
  if (figure.value === null) return formatGap(figure.label)
  return `${formatNumber(figure.value, figure.precision)}${approxWord(figure.approx)}${figure.unit}`
}

/** A previous-year or target value in the figure's unit, or '' when missing (tables). */
export const formatAmount = (figure: Figure, amount: number | null): string =>
  amount === null ? '' : `${formatNumber(amount, figure.precision)}${figure.unit}`

/** `增长15.0%` / `下降3.2%` / `持平` from a rate in percent. */
export const formatChangeWords = (rate: number): string => {
  const rounded = Math.round(rate * 10) / 10
  if (rounded === 0) return '持平'
  return `${rounded > 0 ? '增长' : '下降'}${Math.abs(rounded).toFixed(1)}%`
}

/** `提高1.2个百分点` / `下降0.5个百分点` / `持平` from a difference in percentage points. */
export const formatPointChangeWords = (points: number): string => {
  const rounded = Math.round(points * 10) / 10
  if (rounded === 0) return '持平'
  return `${rounded > 0 ? '提高' : '下降'}${Math.abs(rounded).toFixed(1)}个百分点`
}

/**
 * The year-on-year change in words, or null when it cannot be computed. A figure in % (合格率,
 * 入住率) changes by percentage points: 95% → 97% is 提高2.0个百分点, not 增长2.1%.
 */
const changeWords = (figure: Figure): string | null => {
  if (figure.value === null || figure.previous === null) return null
  if (figure.unit === '%') return formatPointChangeWords(figure.value - figure.previous)
  const rate = changeRate(figure.value, figure.previous)
  return rate === null ? null : formatChangeWords(rate)
}

/** Last year's figure was 0 (a first 高新技术企业, a first 招商 event): no rate, but nothing is missing either. */
const fromZero = (figure: Figure): boolean => figure.unit !== '%' && figure.previous === 0 && figure.value !== null

/**
 * `同比增长15.0%` (`同比提高1.2个百分点` for a figure in %), or a gap naming what is missing. From
 * zero last year: 同比持平 when still zero, 实现零的突破 when more, 上年为零 otherwise. Without this
 * year's number the gap is the figure's, after 同比: a seeded 协议资金【待填：协议资金】，同比【待填：协议资金】
 * reads as two places waiting for one number, where two bare gaps read as one written twice.
 */
export const formatChange = (figure: Figure): string => {
  if (figure.value === null) return `同比${formatGap(figure.label)}`
  if (fromZero(figure)) return figure.value === 0 ? '同比持平' : figure.value > 0 ? '实现零的突破' : '上年为零'
  const words = changeWords(figure)
  return words === null ? formatGap(`${figure.label}上年数`) : `同比${words}`
}

/**
 * `完成目标的112%`, or a gap naming what is missing. A target of 0 is a ceiling (安全事故 0起):
 * 控制在目标以内, or 超出控制目标.
 */
export const formatCompletion = (figure: Figure): string => {
  if (figure.value === null) return formatGap(figure.label)
  if (figure.target === 0) return figure.value <= 0 ? '控制在目标以内' : '超出控制目标'
  const rate = completionRate(figure.value, figure.target)
  return rate === null ? formatGap(`${figure.label}目标`) : `完成目标的${Math.round(rate)}%`
}

/** What an indicator node shows, by its `show` attribute; an unknown key is a gap too. */
export const formatIndicator = (figure: Figure | undefined, show: IndicatorShow, key = ''): string => {
  if (!figure) return formatGap(`未知指标 ${key}`)
  if (show === 'change') return formatChange(figure)
  if (show === 'completion') return formatCompletion(figure)
  return formatValue(figure)
}

export interface IndicatorTableRow {
  key: string
  label: string
  current: string
  previous: string
  change: string
  target: string
  completion: string
}

export const INDICATOR_TABLE_HEADER = ['指标', '本年', '上年', '同比', '目标', '完成率'] as const

/** One row of an indicator table (指标 | 本年 | 上年 | 同比 | 目标 | 完成率). */
export const indicatorTableRow = (key: string, figure: Figure | undefined): IndicatorTableRow => {
  if (!figure) return { key, label: key, current: formatGap(`未知指标 ${key}`), previous: '', change: '', target: '', completion: '' }
  const completion = completionRate(figure.value, figure.target)
  return {
    key,
    label: figure.label,
    current: formatValue(figure),
    previous: formatAmount(figure, figure.previous),
    change: fromZero(figure) ? (figure.value === 0 ? '持平' : '—') : (changeWords(figure) ?? ''),
    target: formatAmount(figure, figure.target),
    completion: completion === null ? (figure.target === 0 && figure.value !== null ? '—' : '') : `${Math.round(completion)}%`,
  }
}

/** Joins clauses with full-width punctuation: ['A', 'B'] → 'A，B。' */
export const joinClauses = (clauses: readonly string[], end = '。'): string =>
  clauses.length === 0 ? '' : `${clauses.join('，')}${end}`
