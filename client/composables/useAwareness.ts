/**
 * Who is in the summary right now, from awareness states (identities stamped by the server), and
 * in which section each one's caret is.
 */
import { shallowRef, type Ref } from 'vue'
import type { WebsocketProvider } from 'y-websocket'
import { caretPlace } from '../editor/sectionAwareness.js'
import { useDocObserver } from './useDocObserver.js'

export interface PresentUser {
  id: string
  username: string
  name: string
  departmentName: string
  color: string
  role: string
  /** The section their caret is in (any of their tabs), if any. */
  sectionId?: string
}

const sameUser = (a: PresentUser, b: PresentUser): boolean =>
  a.id === b.id && a.name === b.name && a.departmentName === b.departmentName && a.color === b.color && a.role === b.role && a.sectionId === b.sectionId

export const useAwareness = (provider: Ref<WebsocketProvider | null>) => {
  const users = shallowRef<PresentUser[]>([])
  useDocObserver(provider, (current) => {
    const { awareness } = current
    // Where each client's caret is, read again only for the clients that changed.
    const places = new Map<number, string>()
    const place = (clientId: number) => {
      const section = caretPlace(awareness.doc, awareness.getStates().get(clientId))
      if (section) places.set(clientId, section)
      else places.delete(clientId)
    }
    const handler = (change?: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const clientId of change ? [...change.added, ...change.updated, ...change.removed] : awareness.getStates().keys()) place(clientId)
      const byId = new Map<string, PresentUser>()
      for (const [clientId, state] of awareness.getStates()) {
        const user = state.user as PresentUser | undefined
        if (!user?.id || !user.username) continue
        const sectionId = places.get(clientId) ?? byId.get(user.id)?.sectionId
        byId.set(user.id, { ...user, ...(sectionId ? { sectionId } : {}) })
      }
      const next = [...byId.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'))
      // Awareness changes with every cursor move; the list changes only when someone comes, goes
      // or moves to another section.
      if (next.length !== users.value.length || next.some((user, index) => !sameUser(user, users.value[index]!))) users.value = next
    }
    awareness.on('change', handler)
    handler()
    return () => awareness.off('change', handler)
  })
  return { users }
}
