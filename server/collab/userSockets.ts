/**
 * The live websocket connections of each user. A change to an account (password reset, new
 * role or department, disabled) ends its connections here at once, because a connection keeps
 * the rights its user had when it opened. Every `intervalMs` each connection's session is also
 * checked again, which is how the other processes of a scaled set-up (REDIS_URL) follow a change
 * made on one of them, and how a session that expired stops writing.
 */
import { CLOSE_UNAUTHORISED, type CloseCode } from '../../shared/closeCodes.js'
import type { User } from '../store/directory.js'

export interface UserSocket {
  /** The session token the connection signed in with. */
  token: string
  /** The user as they were when the connection opened. */
  user: User
  close(code: CloseCode): void
}

/** Whether `now` still has the rights a connection of `then` was opened with. */
const sameRights = (then: User, now: User | undefined): boolean =>
  now !== undefined && !now.disabled && now.role === then.role && now.departmentId === then.departmentId

export class UserSockets {
  private readonly byUser = new Map<string, Set<UserSocket>>()
  private timer: NodeJS.Timeout | null = null

  add(socket: UserSocket): void {
    const sockets = this.byUser.get(socket.user.id) ?? new Set()
    sockets.add(socket)
    this.byUser.set(socket.user.id, sockets)
  }

  remove(socket: UserSocket): void {
    const sockets = this.byUser.get(socket.user.id)
    sockets?.delete(socket)
    if (sockets?.size === 0) this.byUser.delete(socket.user.id)
  }

  /** Closes the user's connections (4401: sign in again), except those on `keepToken`. */
  closeUser(userId: string, keepToken?: string): void {
    for (const socket of [...(this.byUser.get(userId) ?? [])]) {
      if (socket.token === keepToken) continue
      this.remove(socket)
      socket.close(CLOSE_UNAUTHORISED)
    }
  }

  /** Checks every connection's session once; `resolve` answers a token's user as it is now. */
  async revalidate(resolve: (token: string) => Promise<User | undefined>): Promise<void> {
    const sockets = [...this.byUser.values()].flatMap((set) => [...set])
    const tokens = [...new Set(sockets.map((socket) => socket.token))]
    const now = new Map(await Promise.all(tokens.map(async (token) => [token, await resolve(token)] as const)))
    for (const socket of sockets) {
      if (sameRights(socket.user, now.get(socket.token))) continue
      this.remove(socket)
      socket.close(CLOSE_UNAUTHORISED)
    }
  }

  /** Re-checks every `intervalMs` until stopped. */
  watch(resolve: (token: string) => Promise<User | undefined>, intervalMs: number): void {
    this.timer = setInterval(() => {
      this.revalidate(resolve).catch((error: unknown) => console.error('[collab] could not re-check sessions', error))
    }, intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
