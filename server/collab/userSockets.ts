/**
 * The live websocket connections of each user. A change to an account (password reset, new
 * role or department, disabled) ends its connections here at once, because a connection keeps
 * the rights its user had when it opened; the other processes of a scaled set-up (REDIS_URL) are
 * asked to check theirs at once too, and the change answers once they have (`elsewhere`). Every
 * `intervalMs` each connection's session is also checked again, which is how a session that
 * expired stops writing, and a process that missed the request follows. A summary moved to the
 * 回收站 ends its connections the same ways. A connection is checked once more when it is
 * admitted: a change made while it was opening swept the connections before it was among them.
 */
import { CLOSE_SUMMARY_DELETED, CLOSE_UNAUTHORISED, type CloseCode } from '../../shared/closeCodes.js'
import type { User } from '../store/directory.js'

export interface UserSocket {
  /** The session token the connection signed in with. */
  token: string
  /** The user as they were when the connection opened. */
  user: User
  summaryId: string
  close(code: CloseCode): void
}

/** Whether `now` still has the rights a connection of `then` was opened with. */
const sameRights = (then: User, now: User | undefined): boolean =>
  now !== undefined && !now.disabled && now.role === then.role && now.departmentId === then.departmentId

/** Whose connections the other processes are to check again at once. */
export type RecheckTarget = { userId: string } | { summaryId: string }

/** How a connection is checked again: its token's user as it is now; whether its summary is still in use (not in the 回收站). */
export interface SocketChecks {
  resolve(token: string): Promise<User | undefined>
  inUse(summaryId: string): Promise<boolean>
}

export class UserSockets {
  private readonly byUser = new Map<string, Set<UserSocket>>()
  private timer: NodeJS.Timeout | null = null
  /** Asks the other processes to check theirs; resolves once they have (see linkProcesses). */
  elsewhere: (target: RecheckTarget) => Promise<void> = async () => undefined

  constructor(private readonly checks: SocketChecks) {}

  /**
   * Adds a connection that has just opened and checks it at once: an account changed or the
   * summary moved to the 回收站 while it was opening closes it now, not at the next round.
   */
  admit(socket: UserSocket): Promise<void> {
    this.add(socket)
    return this.revalidate([socket])
  }

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

  /** Closes the user's connections (4401: sign in again), except those on `keepToken`, on every process. */
  closeUser(userId: string, keepToken?: string): Promise<void> {
    this.closeWhere(this.ofUser(userId), (socket) => socket.token !== keepToken, CLOSE_UNAUTHORISED)
    return this.elsewhere({ userId })
  }

  /** Closes the user's connections on the session `isSession` picks (ended from 登录设备), on every process. */
  closeSession(userId: string, isSession: (token: string) => boolean): Promise<void> {
    this.closeWhere(this.ofUser(userId), (socket) => isSession(socket.token), CLOSE_UNAUTHORISED)
    return this.elsewhere({ userId })
  }

  /** Closes every connection to a summary (moved to the 回收站), on every process. */
  closeSummary(summaryId: string): Promise<void> {
    this.closeWhere(this.all(), (socket) => socket.summaryId === summaryId, CLOSE_SUMMARY_DELETED)
    return this.elsewhere({ summaryId })
  }

  /** Checks again the connections another process asked about. */
  recheck(target: RecheckTarget): Promise<void> {
    return this.revalidate('userId' in target ? this.ofUser(target.userId) : this.all().filter((socket) => socket.summaryId === target.summaryId))
  }

  /** Checks the connections' sessions and summaries once (every connection, unless given). */
  async revalidate(sockets: readonly UserSocket[] = this.all()): Promise<void> {
    const tokens = [...new Set(sockets.map((socket) => socket.token))]
    const summaries = [...new Set(sockets.map((socket) => socket.summaryId))]
    const [now, used] = await Promise.all([
      Promise.all(tokens.map(async (token) => [token, await this.checks.resolve(token)] as const)).then((pairs) => new Map(pairs)),
      Promise.all(summaries.map(async (id) => [id, await this.checks.inUse(id)] as const)).then((pairs) => new Map(pairs)),
    ])
    for (const socket of sockets) {
      const code = !sameRights(socket.user, now.get(socket.token)) ? CLOSE_UNAUTHORISED : used.get(socket.summaryId) ? null : CLOSE_SUMMARY_DELETED
      if (code === null || !this.byUser.get(socket.user.id)?.has(socket)) continue
      this.remove(socket)
      socket.close(code)
    }
  }

  /** Re-checks every `intervalMs` until stopped. */
  watch(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.revalidate().catch((error: unknown) => console.error('[collab] could not re-check sessions', error))
    }, intervalMs)
    this.timer.unref()
  }

  private all(): UserSocket[] {
    return [...this.byUser.values()].flatMap((set) => [...set])
  }

  private ofUser(userId: string): UserSocket[] {
    return [...(this.byUser.get(userId) ?? [])]
  }

  /** Ends the connections among `sockets` that `pick` chooses, each closed with `code`. */
  private closeWhere(sockets: readonly UserSocket[], pick: (socket: UserSocket) => boolean, code: CloseCode): void {
    for (const socket of sockets) {
      if (!pick(socket)) continue
      this.remove(socket)
      socket.close(code)
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
