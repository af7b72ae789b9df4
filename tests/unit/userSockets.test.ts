import { describe, expect, it } from 'vitest'
import type { CloseCode } from '../../shared/closeCodes.js'
import { UserSockets, type UserSocket } from '../../server/collab/userSockets.js'
import type { User } from '../../server/store/directory.js'

const person = (overrides: Partial<User> = {}): User => ({ id: 'u1', username: 'build', displayName: '刘规建', role: 'editor', departmentId: 'd-build', disabled: false, ...overrides })

const socket = (token: string, user: User, summaryId = 's1') => {
  const closes: CloseCode[] = []
  const entry: UserSocket = { token, user, summaryId, close: (code) => closes.push(code) }
  return { entry, closes }
}

/** Checks that always find everyone as they were and every summary in use. */
const unchanged = { resolve: async () => person(), inUse: async () => true }

describe('UserSockets', () => {
  it('closes a user’s connections with 4401, except the one on the kept token', () => {
    const sockets = new UserSockets(unchanged)
    const here = socket('t-here', person())
    const there = socket('t-there', person())
    const colleague = socket('t-other', person({ id: 'u2' }))
    for (const { entry } of [here, there, colleague]) sockets.add(entry)
    sockets.closeUser('u1', 't-here')
    expect([here.closes, there.closes.map((close) => close.code), colleague.closes]).toEqual([[], [4401], []])
  })

  it('re-checks each session once per round and closes those whose rights changed or ended', async () => {
    const now: Record<string, User | undefined> = {
      t1: person({ displayName: '刘规建（改名不影响权限）' }),
      t2: person({ id: 'u2', departmentId: 'd-safety' }),
      t3: undefined,
      t4: person({ id: 'u4', disabled: true }),
    }
    const asked: string[] = []
    const sockets = new UserSockets({ resolve: async (token) => (asked.push(token), now[token]), inUse: async () => true })
    const same = socket('t1', person())
    const sameTokenTwice = socket('t1', person())
    const moved = socket('t2', person({ id: 'u2' }))
    const gone = socket('t3', person({ id: 'u3' }))
    const disabled = socket('t4', person({ id: 'u4' }))
    for (const { entry } of [same, sameTokenTwice, moved, gone, disabled]) sockets.add(entry)
    await sockets.revalidate()
    expect(asked.sort()).toEqual(['t1', 't2', 't3', 't4'])
    expect([same, sameTokenTwice, moved, gone, disabled].map(({ closes }) => closes.length)).toEqual([0, 0, 1, 1, 1])
    // Closed ones are forgotten: the next round asks only about the rest.
    asked.length = 0
    await sockets.revalidate()
    expect(asked).toEqual(['t1'])
  })

  it('closes the connections to a summary moved to the 回收站, at once here and at the next round elsewhere', async () => {
    const asked: string[] = []
    const sockets = new UserSockets({ resolve: async () => person(), inUse: async (id) => (asked.push(id), id !== 'gone-elsewhere') })
    const reader = socket('t1', person(), 'gone')
    const writer = socket('t2', person({ id: 'u2' }), 'gone')
    const elsewhere = socket('t1', person(), 'kept')
    for (const { entry } of [reader, writer, elsewhere]) sockets.add(entry)
    sockets.closeSummary('gone')
    expect([reader, writer, elsewhere].map(({ closes }) => closes.map((close) => close.reason))).toEqual([['summary-deleted'], ['summary-deleted'], []])
    // Another process learns of it when it checks again: the summary is no longer in use.
    const late = socket('t3', person({ id: 'u3' }), 'gone-elsewhere')
    sockets.add(late.entry)
    asked.length = 0
    await sockets.revalidate()
    expect(asked.sort()).toEqual(['gone-elsewhere', 'kept'])
    expect([late.closes.map((close) => close.code), elsewhere.closes]).toEqual([[4403], []])
  })

  it('checks a connection once more as it is admitted: what changed while it opened closes it at once', async () => {
    const users: Record<string, User> = { t1: person(), t2: person({ id: 'u2', disabled: true }) }
    const sockets = new UserSockets({ resolve: async (token) => users[token], inUse: async (id) => id !== 'moved-to-trash' })
    const fine = socket('t1', person())
    const intoTrash = socket('t1', person(), 'moved-to-trash')
    const disabledMeanwhile = socket('t2', person({ id: 'u2' }))
    for (const { entry } of [fine, intoTrash, disabledMeanwhile]) await sockets.admit(entry)
    expect([fine, intoTrash, disabledMeanwhile].map(({ closes }) => closes.map((close) => close.code))).toEqual([[], [4403], [4401]])
    // Only the one admitted stays among the connections a change would close.
    sockets.closeUser('u1')
    expect(fine.closes.map((close) => close.code)).toEqual([4401])
    expect(intoTrash.closes).toHaveLength(1)
  })
})
