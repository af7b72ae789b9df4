/** The signed-in user, loaded once from GET /api/me and shared by every page. */
import { computed, shallowRef } from 'vue'
import type { Actor, Role } from '../../shared/roles.js'
import { ApiError, request } from '../api.js'

export interface CurrentUser {
  id: string
  username: string
  displayName: string
  role: Role
  departmentId: string | null
  departmentName: string | null
  /** Still the password the admin set (or the demo's): asked to choose their own. */
  initialPassword?: boolean
}

const user = shallowRef<CurrentUser | null>(null)
/** The user as the shared role rules see them (signed out: a viewer of nothing). */
const actor = computed<Actor>(() => ({ role: user.value?.role ?? 'viewer', departmentId: user.value?.departmentId ?? null }))
let loaded = false

export const useCurrentUser = () => {
  const load = async (): Promise<CurrentUser | null> => {
    if (loaded) return user.value
    try {
      user.value = await request<CurrentUser>('/api/me')
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error
      user.value = null
    }
    loaded = true
    return user.value
  }
  const login = async (username: string, password: string): Promise<void> => {
    const answer = await request<{ user: CurrentUser }>('/api/login', { body: { username, password } })
    user.value = answer.user
    loaded = true
  }
  const logout = async (): Promise<void> => {
    await request('/api/logout', { method: 'POST' }).catch(() => undefined)
    user.value = null
  }
  /** Their own password is set: the page stops asking for it. */
  const passwordChosen = (): void => {
    if (user.value) user.value = { ...user.value, initialPassword: false }
  }
  return { user, actor, load, login, logout, passwordChosen }
}
