/** Who is in the summary right now, from awareness states (identities stamped by the server). */
import { shallowRef, type Ref } from 'vue'
import type { WebsocketProvider } from 'y-websocket'
import { useDocObserver } from './useDocObserver.js'

export interface PresentUser {
  id: string
  username: string
  name: string
  departmentName: string
  color: string
  role: string
}

const sameUser = (a: PresentUser, b: PresentUser): boolean =>
  a.id === b.id && a.name === b.name && a.departmentName === b.departmentName && a.color === b.color && a.role === b.role

export const useAwareness = (provider: Ref<WebsocketProvider | null>) => {
  const users = shallowRef<PresentUser[]>([])
  useDocObserver(provider, (current) => {
    const handler = () => {
      const byId = new Map<string, PresentUser>()
      for (const state of current.awareness.getStates().values()) {
        const user = state.user as PresentUser | undefined
        if (user?.id && user.username) byId.set(user.id, user)
      }
      const next = [...byId.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'))
      // Awareness changes with every cursor move; the list changes only when someone comes or goes.
      if (next.length !== users.value.length || next.some((user, index) => !sameUser(user, users.value[index]!))) users.value = next
    }
    current.awareness.on('change', handler)
    handler()
    return () => current.awareness.off('change', handler)
  })
  return { users }
}
