import { describe, expect, it } from 'vitest'
import { hasCommentMarks, splitCommentMarks } from '../../shared/export/commentMarks.js'

describe('comment marks in exported text', () => {
  it('splits text at the marks of where comments start and end', () => {
    const text = `赴长三角开展${String.fromCharCode(0xe000)}驻点招商${String.fromCharCode(0xe800 + 0)}，${String.fromCharCode(0xe001)}成效${String.fromCharCode(0xe801)}`
    expect(hasCommentMarks(text)).toBe(true)
    expect(splitCommentMarks(text)).toEqual([
      { kind: 'text', text: '赴长三角开展' },
      { kind: 'start', id: 0 },
      { kind: 'text', text: '驻点招商' },
      { kind: 'end', id: 0 },
      { kind: 'text', text: '，' },
      { kind: 'start', id: 1 },
      { kind: 'text', text: '成效' },
      { kind: 'end', id: 1 },
    ])
    expect(hasCommentMarks('没有批注的文字')).toBe(false)
  })
})
