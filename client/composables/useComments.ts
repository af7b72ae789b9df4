/** The comment threads of a summary, re-read whenever the `comments` root changes. */
import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getComments, readThreads, type CommentThread } from '../../shared/doc/comments.js'

export const useComments = (doc: Ref<Y.Doc | null>) => {
  const threads = shallowRef<CommentThread[]>([])
  let stop = () => {}
  watch(
    doc,
    (current) => {
      stop()
      if (!current) return
      const comments = getComments(current)
      const handler = () => (threads.value = readThreads(current))
      comments.observeDeep(handler)
      stop = () => comments.unobserveDeep(handler)
      handler()
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())
  return { threads }
}
