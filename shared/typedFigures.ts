/**
 * Figures typed by hand that contradict the indicator data (数据需核实 is what leaders ask most):
 * a typed 协议资金5.3亿元 where the figure 协议资金 is 5.2亿元. Only an indicator's label followed
 * closely by a number in that indicator's own unit is read; anything looser is left to people.
 * The typed text is read without the figure nodes, so a live figure never counts as typed.
 */
import { formatValue } from './indicators/format.js'
import type { IndicatorData } from './indicators/types.js'

export interface TypedFigureMismatch {
  key: string
  /** What was typed, e.g. 协议资金5.3亿元. */
  typed: string
  /** The figure as the data has it, e.g. 5.2亿元. */
  expected: string
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const findTypedFigureMismatches = (typedText: string, figures: Readonly<Record<string, IndicatorData>>): TypedFigureMismatch[] => {
  const found: TypedFigureMismatch[] = []
  for (const [key, figure] of Object.entries(figures)) {
    if (figure.value === null || figure.label.length < 2 || !figure.unit) continue
    // The label, at most six characters that are not punctuation or digits, the number, 余/多, the unit.
    const pattern = new RegExp(`${escapeRegExp(figure.label)}[^，。；！？、\\d]{0,6}?(\\d[\\d,]*(?:\\.\\d+)?)(?:余|多)?${escapeRegExp(figure.unit)}`, 'g')
    for (const match of typedText.matchAll(pattern)) {
      const typed = Number(match[1]!.replaceAll(',', ''))
      // What the writer typed may be rounded as the figure prints, never more.
      if (Math.abs(typed - figure.value) <= 0.5 * 10 ** -figure.precision + 1e-9) continue
      found.push({ key, typed: match[0], expected: formatValue(figure) })
    }
  }
  return found
}
