/** True for a moment after `changedAt` reports a new change of one of `keys`. */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue'

const FLASH_MS = 1800

export const useFlash = (changedAt: Ref<Record<string, number>>, keys: () => string[]) => {
  const flashing = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const latest = computed(() => Math.max(0, ...keys().map((key) => changedAt.value[key] ?? 0)))
  watch(latest, (time, previous) => {
    if (time <= (previous ?? 0)) return
    flashing.value = true
    clearTimeout(timer)
    timer = setTimeout(() => (flashing.value = false), FLASH_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))
  return flashing
}
