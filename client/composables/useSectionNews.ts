/**
 * What happened to sections while the page was open, done by someone else, that the reader
 * should hear of. For a writer, the department's sections: the admin deleting one or giving it
 * to another department, a leader's 定稿 locking it — its editor vanished or went read-only,
 * perhaps under the writer's caret — or, the other way, a section given to the department or
 * reopened for writing. For a reviewer (a leader, the admin), any section handed in (待审核), and
 * the moment the last one is approved (the whole text is final: time to export).
 * Each with its heading as numbered then, so the page can say what happened and where the text
 * is: the version that keeps a deleted text (when it had any), or who writes it now.
 */
import { ref, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getOutline, readOutline, type OutlineEntry } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { numberOutline } from '../../shared/numbering.js'
import { useDocObserver } from './useDocObserver.js'

export type SectionNews = { heading: string } & (
  | { kind: 'deleted'; hadText: boolean }
  | { kind: 'reassigned'; departmentId: string }
  | { kind: 'locked' }
  | { kind: 'given' }
  | { kind: 'reopened' }
  | { kind: 'handedIn'; departmentId: string; sectionId: string }
  | { kind: 'allFinal' }
)

const headings = (doc: Y.Doc): Map<string, { entry: OutlineEntry; heading: string }> => {
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  return new Map(outline.map((entry, index) => [entry.id, { entry, heading: entry.lead ? '导语' : `${numbers[index]}${entry.title}` }]))
}

/**
 * What a change of the outline did to one section, for the department `own`: `before` and
 * `after` are its entry before and after (undefined where it is not in the outline).
 */
const newsOf = (own: string, heading: string, before: OutlineEntry | undefined, after: OutlineEntry | undefined, hadText: () => boolean): SectionNews | null => {
  const ours = (entry: OutlineEntry | undefined) => entry?.departmentId === own
  if (ours(before) && !after) return { kind: 'deleted', heading, hadText: hadText() }
  if (ours(before) && after && !ours(after)) return { kind: 'reassigned', heading, departmentId: after.departmentId }
  if (!ours(after)) return null
  if (!ours(before)) return { kind: 'given', heading } // reassigned, added or restored
  if (after!.status === 'final' && before!.status !== 'final') return { kind: 'locked', heading }
  if (before!.status === 'final' && after!.status !== 'final') return { kind: 'reopened', heading }
  return null
}

/** A section handed in since, that the reader may approve. */
const handedIn = (heading: string, before: OutlineEntry | undefined, after: OutlineEntry | undefined, mayApprove: (owner: string) => boolean): SectionNews | null =>
  before && after && before.status !== 'review' && after.status === 'review' && mayApprove(after.departmentId) ? { kind: 'handedIn', heading, departmentId: after.departmentId, sectionId: after.id } : null

/**
 * `ready`: the page has synced with the server once; what the first sync brings (the browser's
 * copy catching up) is no news. Nor is a doc replaced after a refusal filling from empty.
 * `departmentId`: the writer's department (null for others); `mayApprove`: whether the reader
 * approves a section of that department (shared/workflow.ts).
 */
export const useSectionNews = (doc: Ref<Y.Doc | null>, ready: Ref<boolean>, departmentId: Ref<string | null>, mayApprove: (owner: string) => boolean) => {
  const news = ref<SectionNews[]>([])
  useDocObserver(doc, (current) => {
    let known = headings(current)
    const handler = (_events: unknown, transaction: Y.Transaction) => {
      const now = headings(current)
      const own = departmentId.value
      if (!transaction.local && ready.value && known.size > 0) {
        for (const id of new Set([...known.keys(), ...now.keys()])) {
          const heading = (now.get(id) ?? known.get(id))!.heading
          const [before, after] = [known.get(id)?.entry, now.get(id)?.entry]
          const item = own !== null ? newsOf(own, heading, before, after, () => current.getXmlFragment(sectionRoot(id)).length > 0) : handedIn(heading, before, after, mayApprove)
          if (item) news.value = [...news.value, item]
        }
        // Handed in, then approved or sent back: no longer waiting, no longer news.
        news.value = news.value.filter((item) => item.kind !== 'handedIn' || now.get(item.sectionId)?.entry.status === 'review')
        const allFinal = (entries: typeof now) => [...entries.values()].every(({ entry }) => entry.status === 'final')
        const reviews = own === null && [...now.values()].some(({ entry }) => mayApprove(entry.departmentId))
        if (reviews && allFinal(now) && !allFinal(known)) news.value = [...news.value, { kind: 'allFinal', heading: '' }]
      }
      known = now
    }
    const outline = getOutline(current)
    outline.observeDeep(handler)
    return () => outline.unobserveDeep(handler)
  })
  return news
}
