/** Typed access to the `indicators` root: key → IndicatorData (written by the server only). */
import type * as Y from 'yjs'
import type { IndicatorData } from '../indicators/types.js'
import { INDICATORS_ROOT } from './roots.js'

export const getIndicators = (doc: Y.Doc): Y.Map<IndicatorData> => doc.getMap<IndicatorData>(INDICATORS_ROOT)

/** A share in %, or null when either figure is unknown or the whole is 0. */
const share = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  part === null || part === undefined || whole === null || whole === undefined || whole === 0 ? null : (part / whole) * 100

/** Every figure, a rate's value and last year's computed from its two figures (IndicatorData.ratio). */
export const readIndicators = (doc: Y.Doc): Record<string, IndicatorData> => {
  const figures = Object.fromEntries(getIndicators(doc).entries())
  for (const [key, figure] of Object.entries(figures)) {
    if (!figure.ratio) continue
    const part = figures[figure.ratio.part]
    const whole = figures[figure.ratio.whole]
    figures[key] = { ...figure, value: share(part?.value, whole?.value), previous: share(part?.previous, whole?.previous) }
  }
  return figures
}
