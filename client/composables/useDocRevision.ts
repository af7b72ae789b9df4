/** A number bumped (at most once per frame) whenever the summary doc changes. */
import { onScopeDispose, ref, watch, type Ref } from 'vue'
import type * as Y from 'yjs'

export const useDocRevision = (doc: Ref<Y.Doc | null>) => {
  const revision = ref(0)
  let pending = false
  let stop = () => {}
  watch(
    doc,
    (current) => {
      stop()
      if (!current) return
      const handler = () => {
        if (pending) return
        pending = true
        requestAnimationFrame(() => {
          pending = false
          revision.value++
        })
      }
      current.on('update', handler)
      stop = () => current.off('update', handler)
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())
  return revision
}
