import { describe, expect, it } from 'vitest'
import { chineseNumeral, countSubsections, deriveNumbering, numberOutline } from '../../shared/numbering.js'

describe('deriveNumbering', () => {
  it('numbers four levels in GB/T 9704 order', () => {
    expect(deriveNumbering([1, 2, 3, 4, 4, 3, 2, 1, 2])).toEqual(['一、', '（一）', '1.', '（1）', '（2）', '2.', '（二）', '二、', '（一）'])
  })

  it('restarts deeper levels under every new parent', () => {
    expect(deriveNumbering([1, 2, 2, 1, 2, 3, 1, 3])).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '1.', '三、', '1.'])
  })

  it('numbers a skipped level as if its parent were present', () => {
    expect(deriveNumbering([1, 3, 3, 2, 3])).toEqual(['一、', '1.', '2.', '（一）', '1.'])
  })

  it('writes Chinese numerals past ten the way reports do', () => {
    expect([1, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十'])
    expect(deriveNumbering(Array(12).fill(1)).at(-1)).toBe('十二、')
  })
})

describe('numberOutline', () => {
  it('gives a lead (导语) no number and starts 一、 after it', () => {
    expect(numberOutline([{ level: 1, lead: true }, { level: 1 }, { level: 2 }, { level: 1 }])).toEqual(['', '一、', '（一）', '二、'])
    expect(numberOutline([{ level: 1 }, { level: 2 }])).toEqual(['一、', '（一）'])
  })
})

describe('countSubsections', () => {
  it('counts the deeper headings that follow, up to the next heading at the same level or above', () => {
    const levels = [1, 2, 3, 2, 1, 2, 2]
    expect(countSubsections(levels, 0)).toBe(3)
    expect(countSubsections(levels, 1)).toBe(1)
    expect(countSubsections(levels, 2)).toBe(0)
    expect(countSubsections(levels, 4)).toBe(2)
    expect(countSubsections(levels, 6)).toBe(0)
  })
})
