/**
 * A number bumped (at most once per frame) whenever the summary doc changes. The page provides
 * it (docRevisionKey) rather than passing it down as a prop: only the components that read it
 * re-render on a bump, not the page with every section's editor.
 */
import { ref, type InjectionKey, type Ref } from 'vue'
import type * as Y from 'yjs'
import { useDocObserver } from './useDocObserver.js'

export const useDocRevision = (doc: Ref<Y.Doc | null>) => {
  const revision = ref(0)
  let pending = false
  useDocObserver(doc, (current) => {
    const handler = () => {
      if (pending) return
      pending = true
      requestAnimationFrame(() => {
        pending = false
        revision.value++
      })
    }
    current.on('update', handler)
    return () => current.off('update', handler)
  })
  return revision
}

export const docRevisionKey: InjectionKey<Ref<number>> = Symbol('docRevision')
