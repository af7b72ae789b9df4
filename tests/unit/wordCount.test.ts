import { describe, expect, it } from 'vitest'
import { countWords } from '../../shared/wordCount.js'

describe('countWords (字数 as Word/WPS count it)', () => {
  it.each([
    ['全年新签工业项目', 8],
    ['全年新签工业项目20个。', 11], // 8 + "20" + 个 + 。
    ['协议资金4.8亿元', 7], // 4 + "4.8" + 亿元
    ['同比增长15.0%', 5], // 同比增长 + "15.0"; a half-width % is not counted
    ['引进 GE Healthcare 项目', 4 + 2],
    ['（一）超额完成考核目标任务', 13],
    ['', 0],
    ['   \n ', 0],
  ])('counts %s as %i', (text, expected) => {
    expect(countWords(text)).toBe(expected)
  })
})
