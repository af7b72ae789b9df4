/**
 * Sections of the reader's department that someone else took out of its hands while the page was
 * open — the admin deleting one or giving it to another department, a leader approving it (定稿
 * locks it): its editor vanished or went read-only, perhaps under the writer's caret. Each with
 * its heading as numbered before, so the page can say what happened and where the text is: the
 * version that keeps a deleted text (when it had any), or who writes it now.
 */
import { ref, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getOutline, readOutline, type OutlineEntry } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { numberOutline } from '../../shared/numbering.js'
import { useDocObserver } from './useDocObserver.js'

export type SectionTakenAway = { heading: string } & ({ kind: 'deleted'; hadText: boolean } | { kind: 'reassigned'; departmentId: string } | { kind: 'locked' })

const headings = (doc: Y.Doc): Map<string, { entry: OutlineEntry; heading: string }> => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  return new Map(outline.map((entry, index) => [entry.id, { entry, heading: entry.lead ? '导语' : `${numbers[index]}${entry.title}` }]))
}

export const useSectionsTakenAway = (doc: Ref<Y.Doc | null>, departmentId: Ref<string | null>) => {
  const takenAway = ref<SectionTakenAway[]>([])
  // Per doc: a doc replaced after a refusal starts empty and fills, which takes nothing away.
  useDocObserver(doc, (current) => {
    let known = headings(current)
    const handler = (_events: unknown, transaction: Y.Transaction) => {
      const now = headings(current)
      const own = departmentId.value
      if (!transaction.local && own !== null) {
        for (const [id, { entry, heading }] of known) {
          if (entry.departmentId !== own) continue
          const after = now.get(id)?.entry
          if (!after) takenAway.value = [...takenAway.value, { kind: 'deleted', heading, hadText: current.getXmlFragment(sectionRoot(id)).length > 0 }]
          else if (after.departmentId !== own) takenAway.value = [...takenAway.value, { kind: 'reassigned', heading, departmentId: after.departmentId }]
          else if (after.status === 'final' && entry.status !== 'final') takenAway.value = [...takenAway.value, { kind: 'locked', heading }]
        }
      }
      known = now
    }
    const outline = getOutline(current)
    outline.observeDeep(handler)
    return () => outline.unobserveDeep(handler)
  })
  return takenAway
}
