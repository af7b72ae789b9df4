/**
 * Lets the processes of a scaled set-up (REDIS_URL) end each other's connections at once: an
 * account changed, a session ended or a summary moved to the 回收站 on one process is checked on
 * every other before the change is answered, instead of at their next round (HEARTBEAT_MS).
 */
import type { Bus } from './bus.js'
import { Confirmations } from './confirmations.js'
import type { UserSockets } from './userSockets.js'

export const linkProcesses = (userSockets: UserSockets, bus: Bus): void => {
  const confirmations = new Confirmations('connections')
  let asked = 0
  bus.onRecheck((message, from) => {
    if (message.kind === 'rechecked') {
      if (message.to === bus.processId) confirmations.applied(message.id)
      return
    }
    const target = message.userId !== undefined ? { userId: message.userId } : message.summaryId !== undefined ? { summaryId: message.summaryId } : null
    if (!target) return
    userSockets.recheck(target).then(
      () => void bus.publishRecheck({ kind: 'rechecked', id: message.id, to: from }),
      // Unanswered, the asker answers after its wait; this process's next round checks again.
      (error: unknown) => console.error('[collab] could not re-check connections for another process', error),
    )
  })
  userSockets.elsewhere = (target) => {
    const id = ++asked
    return confirmations.expect(id, bus.publishRecheck({ kind: 'recheck', id, ...target }))
  }
}
