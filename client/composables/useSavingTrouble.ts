/** Whether the server says it cannot save this summary right now (shared/savingTrouble.ts). */
import { shallowRef, type Ref } from 'vue'
import type { WebsocketProvider } from 'y-websocket'
import { readSavingTrouble, type SavingTrouble } from '../../shared/savingTrouble.js'
import { useDocObserver } from './useDocObserver.js'

export const useSavingTrouble = (provider: Ref<WebsocketProvider | null>) => {
  const trouble = shallowRef<SavingTrouble | null>(null)
  useDocObserver(provider, (current) => {
    const { awareness } = current
    const handler = () => {
      const next = readSavingTrouble(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)
      if (next?.since !== trouble.value?.since) trouble.value = next
    }
    awareness.on('change', handler)
    handler()
    return () => {
      awareness.off('change', handler)
      trouble.value = null
    }
  })
  return { trouble }
}
