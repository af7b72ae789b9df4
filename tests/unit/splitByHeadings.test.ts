import { describe, expect, it } from 'vitest'
import { splitByHeadings, type DocBlock } from '../../shared/splitByHeadings.js'

const block = (text: string): DocBlock => ({ text, html: `<p>${text}</p>` })
const SECTIONS = [
  { id: 'investment', title: '招商引资取得新突破', writable: true },
  { id: 'channels', title: '拓宽招商渠道', writable: true },
  { id: 'service', title: '做优项目服务', writable: true },
  { id: 'safety', title: '安全生产形势总体平稳', writable: false },
]

describe('a department’s Word file shared out to its sections by headings', () => {
  it('puts what follows each heading into that section, whatever its typed number', () => {
    const result = splitByHeadings(
      ['招商部2026年工作总结', '（二）招商引资取得新突破', '全年新签项目20个。', '', '1.拓宽招商渠道。坚持以商招商。', '赴长三角驻点招商。', '2、做优项目服务', '全程代办。'].map(block),
      SECTIONS,
    )
    expect(result.parts.map((part) => [part.sectionId, part.blocks.map((item) => item.text)])).toEqual([
      ['investment', ['全年新签项目20个。', '']],
      ['channels', ['坚持以商招商。', '赴长三角驻点招商。']],
      ['service', ['全程代办。']],
    ])
    expect(result.skipped).toBe(1) // the file's own title, before any heading
    expect(result.unmatched).toEqual([])
  })

  it('imports nothing under a heading the user may not write or that names no section', () => {
    const result = splitByHeadings(
      ['拓宽招商渠道', '第一段。', '（四）安全生产形势总体平稳', '别的部门的内容。', '3.其他工作', '没有对应章节的内容。', '1.5亿元的项目已签约，这一段以数字开头但不是标题，会留在原章节里吗？不会，因为前面已经断开了。'].map(block),
      SECTIONS,
    )
    expect(result.parts).toEqual([{ sectionId: 'channels', blocks: [block('第一段。')] }])
    expect(result.unmatched).toEqual(['（四）安全生产形势总体平稳', '3.其他工作'])
    expect(result.skipped).toBe(3)
  })
})
