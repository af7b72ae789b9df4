/**
 * Figures typed by hand that contradict the indicator data (数据需核实 is what leaders ask most):
 * a typed 协议资金5.3亿元 where the figure 协议资金 is 5.2亿元, or a typed 同比增长25% where the
 * data gives 20.9%, or 完成目标的120% where it gives 104%. Only an indicator's label followed
 * closely by a number in that indicator's own unit, or by 同比 and a change or 完成…目标的 and a
 * rate with no other indicator's label in between, is read; anything
 * looser is left to people. The typed text is read without the figure nodes, so a live figure
 * never counts as typed.
 */
import { changeRate, completionRate, formatChange, formatCompletion, formatValue } from './indicators/format.js'
import type { IndicatorData } from './indicators/types.js'

export interface TypedFigureMismatch {
  key: string
  /** What was typed, e.g. 协议资金5.3亿元. */
  typed: string
  /** The figure as the data has it, e.g. 5.2亿元. */
  expected: string
  /** A target claimed met (超额完成, targetClaims.ts) rather than a number typed. */
  claim?: true
}

/** The mismatch in a sentence: 手写的“协议资金5.3亿元”与指标数据（5.2亿元）不一致, 写有“超额完成”，但协议资金完成目标的90%. */
export const describeMismatch = ({ typed, expected, claim }: TypedFigureMismatch): string =>
  claim ? `写有“${typed}”，但${expected}` : `手写的“${typed}”与指标数据（${expected}）不一致`

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const findTypedFigureMismatches = (typedText: string, figures: Readonly<Record<string, IndicatorData>>): TypedFigureMismatch[] => {
  const found: TypedFigureMismatch[] = []
  for (const [key, figure] of Object.entries(figures)) {
    if (figure.value === null || figure.label.length < 2 || !figure.unit) continue
    // The label, at most six characters that are not punctuation or digits, the number, 余/多, the unit.
    const pattern = new RegExp(`${escapeRegExp(figure.label)}[^，。；！？、\\d]{0,6}?(\\d[\\d,]*(?:\\.\\d+)?)(?:余|多)?${escapeRegExp(figure.unit)}`, 'g')
    for (const match of typedText.matchAll(pattern)) {
      if (match[0].includes('同比')) continue // a change (入住率同比提高5%), read below, not a value
      const typed = Number(match[1]!.replaceAll(',', ''))
      // What the writer typed may be rounded as the figure prints, never more.
      if (Math.abs(typed - figure.value) <= 0.5 * 10 ** -figure.precision + 1e-9) continue
      found.push({ key, typed: match[0], expected: formatValue(figure) })
    }
    const others = otherLabels(figures, key)
    found.push(...changeMismatches(typedText, key, figure, others), ...completionMismatches(typedText, key, figure, others))
  }
  return found
}

const otherLabels = (figures: Readonly<Record<string, IndicatorData>>, key: string): string[] =>
  Object.entries(figures).flatMap(([other, figure]) => (other !== key && figure.label.length >= 2 ? [figure.label] : []))

const RISE = new Set(['增长', '上升', '提高', '增加'])

/** The year-on-year change the data gives: percent, or percentage points for a figure in %. */
const expectedChange = (figure: IndicatorData): number | null =>
  figure.value === null || figure.previous === null ? null : figure.unit === '%' ? figure.value - figure.previous : changeRate(figure.value, figure.previous)

/**
 * A rate typed after the label — `stated`, a pattern whose groups `sign` (optional) and `rate`
 * give the number — checked, to the decimals typed, against the rate the data gives. Read only
 * when no other figure's label stands between: then the rate belongs to that other figure.
 */
const rateMismatches = (typedText: string, key: string, figure: IndicatorData, others: readonly string[], stated: string, expected: number | null, expectedText: string): TypedFigureMismatch[] => {
  if (expected === null) return []
  const pattern = new RegExp(`${escapeRegExp(figure.label)}(?<between>[^。；！？]{0,24}?)${stated}`, 'g')
  const found: TypedFigureMismatch[] = []
  for (const match of typedText.matchAll(pattern)) {
    const { between, sign, rate } = match.groups!
    if (others.some((label) => between!.includes(label))) continue
    const typed = Number(rate) * (sign === undefined || RISE.has(sign) ? 1 : -1)
    const decimals = rate!.includes('.') ? rate!.split('.')[1]!.length : 0
    if (Math.abs(typed - expected) <= 0.5 * 10 ** -decimals + 1e-9) continue
    found.push({ key, typed: match[0], expected: expectedText })
  }
  return found
}

const RATE = '(?<rate>\\d+(?:\\.\\d+)?)'

/** A typed 同比增长25% (a figure in %: 同比提高2个百分点; the other kind is not read). */
const changeMismatches = (typedText: string, key: string, figure: IndicatorData, others: readonly string[]): TypedFigureMismatch[] =>
  rateMismatches(typedText, key, figure, others, `同比(?<sign>增长|上升|提高|增加|下降|减少|降低)${RATE}${figure.unit === '%' ? '个百分点' : '%'}`, expectedChange(figure), formatChange(figure))

/** A typed 完成（全年/年度）目标（任务）的105%, against value ÷ target. */
const completionMismatches = (typedText: string, key: string, figure: IndicatorData, others: readonly string[]): TypedFigureMismatch[] =>
  rateMismatches(typedText, key, figure, others, `完成(?:全年|年度)?目标(?:任务)?的${RATE}%`, completionRate(figure.value, figure.target), formatCompletion(figure))
