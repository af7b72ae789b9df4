/** The comment threads of a summary, re-read whenever the `comments` root changes. */
import { shallowRef, type Ref } from 'vue'
import type * as Y from 'yjs'
import { getComments, readThreads, type CommentThread } from '../../shared/doc/comments.js'
import { useDocObserver } from './useDocObserver.js'

export const useComments = (doc: Ref<Y.Doc | null>) => {
  const threads = shallowRef<CommentThread[]>([])
  useDocObserver(doc, (current) => {
    const comments = getComments(current)
    const handler = () => (threads.value = readThreads(current))
    comments.observeDeep(handler)
    handler()
    return () => comments.unobserveDeep(handler)
  })
  return { threads }
}
