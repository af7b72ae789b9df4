import { describe, expect, it } from 'vitest'
import { flattenSections, validateTemplate } from '../../shared/schema/template.js'
import { parkAnnualTemplate } from '../../server/templates/parkAnnual.js'

const base = () => ({
  id: 'union-annual',
  title: '{organisation}{year}年工会工作总结',
  departments: ['工会办公室', '女工委'],
  sections: [
    { id: 'work', title: '主要工作', department: '工会办公室', children: [{ id: 'women', title: '女职工工作', department: '女工委', indicators: ['events'] }] },
  ],
  indicators: [{ key: 'events', label: '组织活动', unit: '场', department: '女工委' }],
})

const problemsOf = (input: unknown) => {
  const result = validateTemplate(input)
  if (result.ok) throw new Error('expected the template to be refused')
  return result.problems
}

describe('validateTemplate', () => {
  it('accepts a good template and the built-in park template', () => {
    expect(validateTemplate(base()).ok).toBe(true)
    expect(validateTemplate(parkAnnualTemplate).ok).toBe(true)
  })

  it('names a missing title field in Chinese', () => {
    const template = base()
    delete (template.sections[0]!.children[0] as Partial<(typeof template.sections)[0]>).title
    expect(problemsOf(template)).toContainEqual({ path: 'sections[0].children[0].title', message: '缺少该字段' })
  })

  it('refuses a department that is not declared', () => {
    const template = base()
    template.sections[0]!.department = '财务部'
    expect(problemsOf(template)).toContainEqual({ path: 'sections[0].department', message: '部门“财务部”不在 departments 列表中' })
  })

  it('refuses duplicate section ids and unknown indicator keys', () => {
    const template = base()
    template.sections[0]!.children[0]!.id = 'work'
    template.sections[0]!.children[0]!.indicators = ['missing_key']
    const problems = problemsOf(template)
    expect(problems).toContainEqual({ path: 'sections[0].children[0].id', message: '章节编号“work”重复' })
    expect(problems).toContainEqual({ path: 'sections[0].children[0].indicators[0]', message: '未定义的指标“missing_key”' })
  })

  it('refuses sections deeper than four levels', () => {
    const leaf = (id: string, children: unknown[] = []) => ({ id, title: id, department: '女工委', children })
    const template = { ...base(), sections: [leaf('a', [leaf('b', [leaf('c', [leaf('d', [leaf('e')])])])])] }
    expect(problemsOf(template).map((problem) => problem.message)).toContain('章节层级不能超过 4 级')
  })

  it('refuses wrong types, over-long units and unknown fields', () => {
    const template = { ...base(), extra: 1, indicators: [{ key: 'events', label: '组织活动', unit: '非常非常非常长的计量单位名称', department: '女工委' }] }
    template.sections[0]!.title = 42 as unknown as string
    const paths = problemsOf(template).map((problem) => problem.path)
    expect(paths).toEqual(expect.arrayContaining(['sections[0].title', 'indicators[0].unit', '']))
  })

  it('accepts any short unit a report uses', () => {
    const template = { ...base(), indicators: [{ key: 'events', label: '接待游客', unit: '万人次', department: '女工委' }] }
    expect(validateTemplate(template).ok).toBe(true)
  })

  it('flattens sections in document order with levels', () => {
    expect(flattenSections(base().sections).map((section) => [section.id, section.level])).toEqual([
      ['work', 1],
      ['women', 2],
    ])
  })
})
