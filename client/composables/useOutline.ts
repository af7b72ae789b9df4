/** The live outline of a summary doc with derived heading numbers, re-read on every change. */
import { shallowRef, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getMeta, getOutline, readMeta, readOutline, type OutlineEntry, type SummaryMeta } from '../../shared/doc/outline.js'
import { numberOutline } from '../../shared/numbering.js'
import { useDocObserver } from './useDocObserver.js'

export interface NumberedSection extends OutlineEntry {
  number: string
}

export const useOutline = (doc: Ref<Y.Doc | null>) => {
  const sections = shallowRef<NumberedSection[]>([])
  const meta = shallowRef<SummaryMeta | null>(null)
  const read = (current: Y.Doc) => {
    const outline = readOutline(current)
    const numbers = numberOutline(outline)
    sections.value = outline.map((entry, index) => ({ ...entry, number: numbers[index]! }))
    meta.value = readMeta(current)
  }

  useDocObserver(doc, (current) => {
    const handler = () => read(current)
    const outline = getOutline(current)
    const metaMap = getMeta(current)
    outline.observeDeep(handler)
    metaMap.observe(handler)
    read(current)
    return () => {
      outline.unobserveDeep(handler)
      metaMap.unobserve(handler)
    }
  })
  return { sections, meta }
}
