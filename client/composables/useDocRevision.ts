/** A number bumped (at most once per frame) whenever the summary doc changes. */
import { ref, type Ref } from 'vue'
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
