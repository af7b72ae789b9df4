/**
 * The live figures of a summary from the `indicators` root, plus when each key last changed
 * (so node views can flash a new value). Re-read on every change of the root.
 */
import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import type { IndicatorData } from '../../shared/indicators/types.js'

export type Figures = Record<string, IndicatorData>

export const useIndicators = (doc: Ref<Y.Doc | null>) => {
  const figures = shallowRef<Figures>({})
  const changedAt = shallowRef<Record<string, number>>({})
  let stop = () => {}

  watch(
    doc,
    (current) => {
      stop()
      if (!current) return
      const map = getIndicators(current)
      const handler = (event: Y.YMapEvent<IndicatorData>) => {
        const now = Date.now()
        changedAt.value = { ...changedAt.value, ...Object.fromEntries([...event.keysChanged].map((key) => [key, now])) }
        figures.value = readIndicators(current)
      }
      map.observe(handler)
      stop = () => map.unobserve(handler)
      figures.value = readIndicators(current)
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())
  return { figures, changedAt }
}
