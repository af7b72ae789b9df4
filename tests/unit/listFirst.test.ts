import { describe, expect, it } from 'vitest'
import { listFirst } from '../../shared/listFirst.js'

describe('listFirst', () => {
  it('names the first few and says how many in all only when some are left out', () => {
    expect(listFirst(['招商部', '规建局', '财政局'], 3, '个')).toBe('招商部、规建局、财政局')
    expect(listFirst(['招商部', '规建局', '财政局', '党政办'], 3, '个')).toBe('招商部、规建局、财政局 等 4 个')
    expect(listFirst([], 3, '项')).toBe('')
  })
})
