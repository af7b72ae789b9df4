/**
 * The live figures of a summary from the `indicators` root, plus when each key last changed
 * (so node views can flash a new value). Re-read on every change of the root.
 */
import { shallowRef, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { useDocObserver } from './useDocObserver.js'

export type Figures = Record<string, IndicatorData>

export const useIndicators = (doc: Ref<Y.Doc | null>) => {
  const figures = shallowRef<Figures>({})
  const changedAt = shallowRef<Record<string, number>>({})
  useDocObserver(doc, (current) => {
    const map = getIndicators(current)
    const handler = (event: Y.YMapEvent<IndicatorData>) => {
      const now = Date.now()
      changedAt.value = { ...changedAt.value, ...Object.fromEntries([...event.keysChanged].map((key) => [key, now])) }
      figures.value = readIndicators(current)
    }
    map.observe(handler)
    figures.value = readIndicators(current)
    return () => map.unobserve(handler)
  })
  return { figures, changedAt }
}
