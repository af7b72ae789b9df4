/** The live outline of a summary doc with derived heading numbers, re-read on every change. */
import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getOutline, readMeta, readOutline, type OutlineEntry, type SummaryMeta } from '../../shared/doc/outline.js'
import { deriveNumbering } from '../../shared/numbering.js'

export interface NumberedSection extends OutlineEntry {
  number: string
}

export const useOutline = (doc: Ref<Y.Doc | null>) => {
  const sections = shallowRef<NumberedSection[]>([])
  const meta = shallowRef<SummaryMeta | null>(null)
  let stop = () => {}

  const read = (current: Y.Doc) => {
    const outline = readOutline(current)
    const numbers = deriveNumbering(outline.map((entry) => entry.level))
    sections.value = outline.map((entry, index) => ({ ...entry, number: numbers[index]! }))
    meta.value = readMeta(current)
  }

  watch(
    doc,
    (current) => {
      stop()
      if (!current) return
      const handler = () => read(current)
      const outline = getOutline(current)
      const metaMap = current.getMap('meta')
      outline.observeDeep(handler)
      metaMap.observe(handler)
      stop = () => {
        outline.unobserveDeep(handler)
        metaMap.unobserve(handler)
      }
      read(current)
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())
  return { sections, meta }
}
