import { describe, expect, it } from 'vitest'
import { chineseNumeral, countSubsections, deriveNumbering, numberOutline, stripTypedNumber } from '../../shared/numbering.js'
import { sectionCreateSchema, sectionPatchSchema } from '../../shared/schema/sections.js'
import { validateTemplate } from '../../shared/schema/template.js'

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

describe('a heading marker typed in front of a title', () => {
  it.each([
    ['一、主要工作完成情况', '主要工作完成情况'],
    ['十二、其他', '其他'],
    ['（一）超额完成考核目标任务', '超额完成考核目标任务'],
    ['(二)招商引资', '招商引资'],
    ['（三）、安全生产', '安全生产'],
    ['1.加快平台工程建设，夯实基础。', '加快平台工程建设，夯实基础。'],
    ['2、完善招商制度', '完善招商制度'],
    ['（1）完善招商制度', '完善招商制度'],
    ['第一部分 工作回顾', '工作回顾'],
    ['一季度开门红', '一季度开门红'],
    ['2026年工作打算', '2026年工作打算'],
    ['1.5亿元项目落地', '1.5亿元项目落地'],
    ['十四五规划收官', '十四五规划收官'],
  ])('“%s” → “%s”', (typed, title) => {
    expect(stripTypedNumber(typed)).toBe(title)
  })

  it('is dropped from template and outline titles, and a title that is only a marker is refused', () => {
    const template = { id: 't', title: '{organisation}{year}年度工作总结', departments: ['办公室'], sections: [{ id: 'a', title: '一、主要工作', department: '办公室' }], indicators: [] }
    const valid = validateTemplate(template)
    expect(valid.ok && valid.template.sections[0]!.title).toBe('主要工作')
    expect(sectionCreateSchema.parse({ title: '（二）招商引资', departmentId: 'd', level: 2 }).title).toBe('招商引资')
    expect(sectionPatchSchema.safeParse({ title: '三、' }).success).toBe(false)
  })
})
