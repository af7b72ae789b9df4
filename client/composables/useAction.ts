/**
 * Runs a user action with a busy flag, a success message and a Chinese error message (plus the
 * field or row details an API error carries), so every form reports the same way.
 */
import { ref } from 'vue'
import { ApiError } from '../api.js'

export const useAction = <Detail = unknown>() => {
  const busy = ref(false)
  const message = ref('')
  const error = ref('')
  const details = ref<Detail[]>([])
  /** `work` may return the success message to show. */
  const run = async (work: () => Promise<string | void>): Promise<void> => {
    busy.value = true
    message.value = ''
    error.value = ''
    details.value = []
    try {
      message.value = (await work()) ?? ''
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : '操作失败'
      if (caught instanceof ApiError && Array.isArray(caught.details)) details.value = caught.details as Detail[]
    } finally {
      busy.value = false
    }
  }
  return { busy, message, error, details, run }
}
