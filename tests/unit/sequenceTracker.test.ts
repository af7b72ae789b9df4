import { describe, expect, it } from 'vitest'
import { SequenceTracker } from '../../server/collab/sequenceTracker.js'
import type { Store } from '../../server/store/types.js'

describe('catching up from the store', () => {
  it('gives a caller a run that starts after it asked, not one already under way', async () => {
    const committed: Array<{ seq: number; data: Uint8Array }> = [{ seq: 1, data: new Uint8Array([1]) }]
    let releaseFirstRead: () => void = () => {}
    let reads = 0
    const log = {
      loadSince: async (_summaryId: string, seq: number) => {
        const rows = committed.filter((row) => row.seq > seq) // read now, returned later
        if (reads++ === 0) await new Promise<void>((resolve) => (releaseFirstRead = resolve))
        return rows
      },
    } as unknown as Store['updates']
    const applied: number[] = []
    const tracker = new SequenceTracker('s1', 0, log, (update) => applied.push(update[0]!))

    const first = tracker.catchUp() // reads the store before the second commit
    committed.push({ seq: 2, data: new Uint8Array([2]) })
    const second = tracker.catchUp() // asked after the commit: must see it
    const third = tracker.catchUp()
    releaseFirstRead()
    await first
    expect(applied).toEqual([1])
    await second
    await third
    expect(applied).toEqual([1, 2])
    expect(tracker.lastSeq).toBe(2)
    expect(reads).toBe(2) // the later callers shared one run
  })
})
