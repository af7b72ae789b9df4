import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Confirmations } from '../../server/collab/confirmations.js'

const settledWithin = async (promise: Promise<void>): Promise<boolean> => {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('Confirmations', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('waits for an answer from every process that received the publication', async () => {
    const confirmations = new Confirmations('test', 2000)
    const waiting = confirmations.expect(7, Promise.resolve(2))
    confirmations.applied(7)
    expect(await settledWithin(waiting)).toBe(false)
    confirmations.applied(6) // an answer to something else
    expect(await settledWithin(waiting)).toBe(false)
    confirmations.applied(7)
    expect(await settledWithin(waiting)).toBe(true)
  })

  it('counts answers that arrive before Redis said how many received it', async () => {
    const confirmations = new Confirmations('test', 2000)
    let receivers!: (count: number) => void
    const waiting = confirmations.expect(3, new Promise((resolve) => (receivers = resolve)))
    confirmations.applied(3)
    expect(await settledWithin(waiting)).toBe(false)
    receivers(1)
    expect(await settledWithin(waiting)).toBe(true)
  })

  it('answers at once when nobody else received it, and after the timeout when someone never answers', async () => {
    const confirmations = new Confirmations('test', 2000)
    expect(await settledWithin(confirmations.expect(1, Promise.resolve(0)))).toBe(true)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const waiting = confirmations.expect(2, Promise.resolve(1))
    await vi.advanceTimersByTimeAsync(1999)
    expect(await settledWithin(waiting)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settledWithin(waiting)).toBe(true)
    expect(warn).toHaveBeenCalledOnce()
    // settled() follows the last publication.
    expect(await settledWithin(confirmations.settled())).toBe(true)
  })
})
