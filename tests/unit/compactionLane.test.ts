import { describe, expect, it } from 'vitest'
import { CompactionLane } from '../../server/collab/compactionLane.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('compaction lane', () => {
  it('runs compactions one at a time, in order, with a pause between them, past a failing one', async () => {
    const lane = new CompactionLane(30)
    const log: Array<[string, number]> = []
    const started = performance.now()
    const compaction = (name: string, fail = false) => async () => {
      log.push([`${name} start`, performance.now() - started])
      await sleep(10)
      log.push([`${name} end`, performance.now() - started])
      if (fail) throw new Error('disk full')
    }
    lane.request(compaction('a'))
    lane.request(compaction('b', true))
    lane.request(compaction('c'))
    while (log.length < 6) await sleep(5)
    expect(log.map(([event]) => event)).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
    const at = Object.fromEntries(log)
    expect(at['b start']! - at['a end']!).toBeGreaterThanOrEqual(25)
    expect(at['c start']! - at['b end']!).toBeGreaterThanOrEqual(25)
  })
})
