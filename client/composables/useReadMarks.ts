/**
 * 有改动 since the reader last marked the summary read (server: readMarks.ts). The first visit
 * marks everything read, so what comes later is news; the list is asked for again whenever the
 * page comes back into view (a tab left open overnight shows the night's changes in the morning).
 */
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import type { ChangesReport } from '../../shared/changes.js'
import { request } from '../api.js'

export const useReadMarks = (summaryId: string) => {
  const changes = ref<ChangesReport>({ readAt: null, sections: [], replies: [] })
  const base = `/api/summaries/${encodeURIComponent(summaryId)}`
  const changed = computed(() => new Map(changes.value.sections.map((section) => [section.sectionId, section])))

  /** Marks every section read, or one; answers with what is still changed. */
  const markRead = async (sectionId?: string) => {
    changes.value = await request<ChangesReport>(`${base}/read`, { body: sectionId ? { sectionId } : {} })
  }

  const load = async () => {
    const answer = await request<ChangesReport>(`${base}/changes`)
    if (answer.readAt === null) await markRead()
    else changes.value = answer
  }

  /** Offline or signed out: the marks wait for the next look, nothing else depends on them. */
  const refresh = () => void load().catch(() => undefined)
  const handleVisible = () => document.visibilityState === 'visible' && refresh()
  onMounted(() => {
    refresh()
    document.addEventListener('visibilitychange', handleVisible)
  })
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', handleVisible))

  return { changes, changed, markRead, refresh }
}

export type ReadMarks = ReturnType<typeof useReadMarks>
