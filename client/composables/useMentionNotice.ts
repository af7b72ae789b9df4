/**
 * “提到本部门” / “提到您”: while someone has the summary open, a comment or reply that mentions
 * their department (@部门) or them (@姓名) and is not their own shows as a notice above the
 * page, with a way to it.
 * What was there when the page synced is not news; only what arrives afterwards is.
 */
import { ref, watch, type Ref } from 'vue'
import type { CommentThread } from '../../shared/doc/comments.js'
import { REMINDER_PREFIX, RETURN_NOTE_PREFIX } from '../../shared/workflow.js'

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

const SHOWN = 40
const shortened = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text)

/**
 * The notice in words. A section sent back or a 催办 mentions the department too, but says more
 * than “提到本部门”: 王主任退回了“（二）…”：请补充… / 王主任催办“（二）…”：本节尚未提交审核…
 */
export const describeMentionNotice = (notice: MentionNotice, heading: string): string => {
  if (notice.text.startsWith(RETURN_NOTE_PREFIX)) return `${notice.author}退回了“${heading}”：${shortened(notice.text.slice(RETURN_NOTE_PREFIX.length))}`
  if (notice.text.startsWith(REMINDER_PREFIX)) return `${notice.author}催办“${heading}”：${shortened(notice.text.slice(REMINDER_PREFIX.length))}`
  return `${notice.author}在“${heading}”中提到${notice.personal ? '您' : '本部门'}：${shortened(notice.text)}`
}
