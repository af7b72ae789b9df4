/**
 * “提到本部门” / “提到您”: while someone has the summary open, a comment or reply that mentions
 * their department (@部门) or them (@姓名) and is not their own shows as a notice above the
 * page, with a way to it.
 * What was there when the page synced is not news; only what arrives afterwards is.
 */
import { ref, watch, type Ref } from 'vue'
import type { CommentThread } from '../../shared/doc/comments.js'

export interface MentionNotice {
  threadId: string
  sectionId: string
  author: string
  text: string
  /** The reader named in person, not (only) their department. */
  personal: boolean
}

export const useMentionNotice = (threads: Ref<CommentThread[]>, ready: Ref<boolean>, me: Ref<{ id: string; departmentId: string | null } | null>) => {
  const notice = ref<MentionNotice | null>(null)
  const seen = new Set<string>()
  let primed = false
  watch(
    [threads, ready],
    ([list, synced]) => {
      const department = me.value?.departmentId
      const myId = me.value?.id
      if (!synced || !myId) return
      for (const thread of list) {
        for (const item of [thread, ...thread.replies]) {
          const personal = item.mentionedPeople.includes(myId)
          if (seen.has(item.id) || !(personal || (department && item.mentions.includes(department)))) continue
          seen.add(item.id)
          if (primed && item.authorId !== myId) notice.value = { threadId: thread.id, sectionId: thread.sectionId, author: item.authorName, text: item.text, personal }
        }
      }
      primed = true
    },
    { immediate: true },
  )
  return notice
}
