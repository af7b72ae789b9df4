/**
 * Sections of the reader's own that someone else took out of the outline while the page was open
 * (the admin deleting one): their editor just vanished, perhaps under the writer's caret. Their
 * headings, as numbered before, and whether they held text (then a version keeps it), so the page
 * can say what went and where its text is.
 */
import { ref, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getOutline, readOutline, type OutlineEntry } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { numberOutline } from '../../shared/numbering.js'
import { useDocObserver } from './useDocObserver.js'

const headings = (doc: Y.Doc): Map<string, { entry: OutlineEntry; heading: string }> => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  return new Map(outline.map((entry, index) => [entry.id, { entry, heading: entry.lead ? '导语' : `${numbers[index]}${entry.title}` }]))
}

export const useRemovedSections = (doc: Ref<Y.Doc | null>, isOwn: (entry: OutlineEntry) => boolean) => {
  const removed = ref<Array<{ heading: string; hadText: boolean }>>([])
  // Per doc: a doc replaced after a refusal starts empty and fills, which removes nothing.
  useDocObserver(doc, (current) => {
    let known = headings(current)
    const handler = (_events: unknown, transaction: Y.Transaction) => {
      const now = headings(current)
      if (!transaction.local) for (const [id, { entry, heading }] of known) if (!now.has(id) && isOwn(entry)) removed.value = [...removed.value, { heading, hadText: current.getXmlFragment(sectionRoot(id)).length > 0 }]
      known = now
    }
    const outline = getOutline(current)
    outline.observeDeep(handler)
    return () => outline.unobserveDeep(handler)
  })
  return removed
}
