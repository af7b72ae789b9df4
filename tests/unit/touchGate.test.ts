import { describe, expect, it } from 'vitest'
import { touchGate } from '../../server/store/sessions.js'

const MINUTE = 60_000
const T = 1_780_000_000_000

describe('touchGate', () => {
  it('lets a session’s activity through at most once a minute, and never when sessions do not idle', () => {
    const due = touchGate(30 * MINUTE)
    expect(due('a', T)).toBe(true)
    expect(due('a', T + MINUTE - 1)).toBe(false)
    expect(due('b', T + 1)).toBe(true)
    expect(due('a', T + MINUTE)).toBe(true)
    const never = touchGate(0)
    expect([never('a', T), never('a', T + 10 * MINUTE)]).toEqual([false, false])
  })

  it('writes a quarter of a short idle time apart', () => {
    const due = touchGate(2 * MINUTE)
    expect([due('a', T), due('a', T + MINUTE / 2 - 1), due('a', T + MINUTE / 2)]).toEqual([true, false, true])
  })

  it('keeps gating a session written lately when another session’s touch drops the stale ones', () => {
    const due = touchGate(30 * MINUTE)
    expect(due('old', T)).toBe(true)
    expect(due('recent', T + MINUTE / 2)).toBe(true)
    // This touch comes a minute after the last sweep: 'old' is dropped, 'recent' must stay.
    expect(due('other', T + MINUTE)).toBe(true)
    expect(due('recent', T + MINUTE)).toBe(false)
    expect(due('recent', T + MINUTE + MINUTE / 2)).toBe(true)
    expect(due('old', T + MINUTE)).toBe(true)
  })
})
