import { describe, expect, it } from 'vitest'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import { inlineText } from '../../shared/export/model.js'
import { checkSummary } from '../../shared/preflight.js'
import { readSectionBlocks } from '../../shared/export/buildExportDocument.js'
import { formatChange } from '../../shared/indicators/format.js'
import { flattenSections, validateTemplate, type Template } from '../../shared/schema/template.js'
import { buildSummaryDoc } from '../../server/summary/buildSummaryDoc.js'
import { BUILTIN_TEMPLATES } from '../../server/templates/builtin.js'
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

  it('tells a field of the wrong type from a missing one, and a template that is not an object', () => {
    const template = base() as unknown as { sections: Array<{ title: unknown; wordTarget?: unknown }> }
    template.sections[0]!.title = 123
    template.sections[0]!.wordTarget = '八百'
    expect(problemsOf(template)).toEqual(expect.arrayContaining([
      { path: 'sections[0].title', message: '应为文本' },
      { path: 'sections[0].wordTarget', message: '应为数字' },
    ]))
    expect(problemsOf([])).toEqual([{ path: '', message: '应为对象' }])
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

  it('takes an approximate count as true, "余" or "多", and nothing else', () => {
    const withApprox = (approx: unknown) => ({ ...base(), indicators: [{ ...base().indicators[0]!, approx }] })
    for (const approx of [true, false, '余', '多']) expect(validateTemplate(withApprox(approx)).ok).toBe(true)
    expect(problemsOf(withApprox('约'))).toContainEqual({ path: 'indicators[0].approx', message: '应为 true、false、"余" 或 "多"' })
  })

  it('takes a lead (导语) only as the first top-level section, without sub-sections', () => {
    const lead = { id: 'lead', title: '导语', department: '工会办公室', lead: true }
    expect(validateTemplate({ ...base(), sections: [lead, ...base().sections] }).ok).toBe(true)
    expect(problemsOf({ ...base(), sections: [...base().sections, lead] })).toContainEqual({ path: 'sections[1].lead', message: '导语只能是第一个一级章节' })
    const nested = base()
    ;(nested.sections[0]!.children[0] as { lead?: boolean }).lead = true
    expect(problemsOf(nested)).toContainEqual({ path: 'sections[0].children[0].lead', message: '导语只能是第一个一级章节' })
    expect(problemsOf({ ...base(), sections: [{ ...base().sections[0]!, lead: true }] })).toContainEqual({ path: 'sections[0].lead', message: '导语不能有下级章节' })
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

  it('stores a rate typed with a Chinese input method (％) as %, so it prints and changes as a rate', () => {
    const template = {
      ...base(),
      indicators: [
        { key: 'events', label: '组织活动', unit: '场', department: '女工委' },
        { key: 'coverage', label: '建会覆盖率', unit: ' ％ ', department: '女工委' },
        { key: 'funds', label: '经费', unit: '万 元', department: '女工委' },
      ],
    }
    const result = validateTemplate(template)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.template.indicators!.map((indicator) => indicator.unit)).toEqual(['场', '%', '万元'])
    const doc = buildSummaryDoc(result.template, { title: 't', year: 2026, organisation: '园区工会', templateId: template.id }, new Map([['女工委', 'd']]))
    getIndicators(doc).set('coverage', { ...readIndicators(doc).coverage!, value: 97, previous: 95 })
    expect(formatChange(readIndicators(doc).coverage!)).toBe('同比提高2.0个百分点')
  })

  it('takes a figure that is part of another (其中) and refuses a parent that cannot be one', () => {
    const withParts = (parents: Record<string, string>) => ({
      ...base(),
      indicators: ['events', 'women_events', 'big_events'].map((key) => ({ key, label: key, unit: '场', department: '女工委', ...(parents[key] ? { parent: parents[key] } : {}) })),
    })
    expect(validateTemplate(withParts({ women_events: 'events' })).ok).toBe(true)
    expect(problemsOf(withParts({ women_events: 'women_events' }))).toContainEqual({ path: 'indicators[1].parent', message: '指标不能是自己的上级指标' })
    expect(problemsOf(withParts({ women_events: 'sports' }))).toContainEqual({ path: 'indicators[1].parent', message: '未定义的上级指标“sports”' })
    expect(problemsOf(withParts({ women_events: 'events', big_events: 'women_events' }))).toContainEqual({
      path: 'indicators[2].parent',
      message: '上级指标“women_events”本身也有上级指标；“其中”只支持一级',
    })
  })

  it('takes a rate computed from two figures and refuses one that cannot be computed', () => {
    const withRate = (ratio: { part: string; whole: string }, unit = '%', more: object[] = []) => ({
      ...base(),
      indicators: [
        { key: 'found', label: '排查隐患', unit: '处', department: '女工委' },
        { key: 'fixed', label: '整改隐患', unit: '处', department: '女工委' },
        { key: 'rate', label: '整改率', unit, department: '女工委', ratio },
        ...more,
        ...base().indicators,
      ],
    })
    expect(validateTemplate(withRate({ part: 'fixed', whole: 'found' })).ok).toBe(true)
    expect(problemsOf(withRate({ part: 'fixed', whole: 'found' }, '处'))).toContainEqual({ path: 'indicators[2].unit', message: '计算得出的比率，单位应为 %' })
    expect(problemsOf(withRate({ part: 'fixed', whole: 'nope' }))).toContainEqual({ path: 'indicators[2].ratio.whole', message: '未定义的指标“nope”' })
    expect(problemsOf(withRate({ part: 'rate', whole: 'found' }))).toContainEqual({ path: 'indicators[2].ratio.part', message: '比率不能由自己计算' })
    expect(problemsOf(withRate({ part: 'fixed', whole: 'fixed' }))).toContainEqual({ path: 'indicators[2].ratio.whole', message: '比率的分子和分母不能是同一指标' })
    const chained = withRate({ part: 'fixed', whole: 'found' }, '%', [{ key: 'twice', label: '再算', unit: '%', department: '女工委', ratio: { part: 'rate', whole: 'found' } }])
    expect(problemsOf(chained)).toContainEqual({ path: 'indicators[3].ratio.part', message: '“rate”本身是计算得出的比率，不能再参与计算' })
  })

  it('computes a rate’s value and last year’s from its two figures, never from what is stored', () => {
    const template = { ...base(), indicators: [
      { key: 'found', label: '排查隐患', unit: '处', department: '女工委' },
      { key: 'fixed', label: '整改隐患', unit: '处', department: '女工委', parent: 'found' },
      { key: 'rate', label: '隐患整改率', unit: '%', department: '女工委', precision: 1, ratio: { part: 'fixed', whole: 'found' } },
      ...base().indicators,
    ] } as Template
    const doc = buildSummaryDoc(template, { title: 't', year: 2026, organisation: 'o', templateId: template.id }, new Map([['女工委', 'd']]), {
      found: { value: 500, previous: 400 },
      fixed: { value: 480, previous: 300 },
      rate: { value: 12, previous: 34 },
    })
    expect(readIndicators(doc).rate).toMatchObject({ value: 96, previous: 75, ratio: { part: 'fixed', whole: 'found' } })
    expect(getIndicators(doc).get('rate')).toMatchObject({ value: null, previous: null })
    getIndicators(doc).set('found', { ...getIndicators(doc).get('found')!, value: 0 })
    expect(readIndicators(doc).rate!.value).toBeNull()
    // The preflight says what to fill in for it, not to fill it in.
    expect(checkSummary(doc).problems.find((problem) => problem.key === 'rate')?.message).toBe('指标“隐患整改率”（rate）尚无法计算（需先填报“整改隐患”和“排查隐患”）')
  })

  it('seeds a part right after its whole with 其中, as the summaries phrase it', () => {
    const template: Template = {
      id: 'park',
      title: '{organisation}{year}年度工作总结',
      departments: ['经济发展局'],
      sections: [{ id: 'industry', title: '产业发展', department: '经济发展局', indicators: ['new_firms', 'high_tech', 'tax'] }],
      indicators: [
        { key: 'new_firms', label: '新投产企业', unit: '家', department: '经济发展局' },
        { key: 'high_tech', label: '高新技术企业', unit: '户', department: '经济发展局', parent: 'new_firms' },
        { key: 'tax', label: '园区全年创税', unit: '万元', department: '经济发展局' },
      ],
    }
    const values = { new_firms: { value: 12, previous: null, target: null }, high_tech: { value: 2, previous: null, target: null }, tax: { value: 1002, previous: null, target: null } }
    const doc = buildSummaryDoc(template, { title: 't', year: 2026, organisation: 'o', templateId: 'park' }, new Map([['经济发展局', 'd1']]), values)
    const [sentence] = readSectionBlocks(doc, 'industry')
    expect(sentence?.kind === 'paragraph' && inlineText(sentence.inlines)).toBe('全年新投产企业12家，其中高新技术企业2户；园区全年创税1002万元。')
  })

  it('flattens sections in document order with levels', () => {
    expect(flattenSections(base().sections).map((section) => [section.id, section.level])).toEqual([
      ['work', 1],
      ['women', 2],
    ])
  })
})

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATES.map((template) => [template.id, template] as const))('%s is valid, uses every figure it defines and gives every department a section', (_id, template) => {
    expect(validateTemplate(template)).toEqual({ ok: true, template })
    const sections = flattenSections(template.sections)
    const used = new Set(sections.flatMap((section) => section.indicators ?? []))
    expect((template.indicators ?? []).map((indicator) => indicator.key).filter((key) => !used.has(key))).toEqual([])
    const owners = new Set(sections.map((section) => section.department))
    expect(template.departments.filter((department) => !owners.has(department))).toEqual([])
    // The three parts every summary has, in their usual order (DOMAIN.md).
    expect(template.sections.filter((section) => !section.lead).map((section) => section.title)).toEqual(['主要工作完成情况', '存在的问题和不足', '下一年度工作打算'])
  })

  it('have ids and titles of their own, so the list tells them apart', () => {
    expect(new Set(BUILTIN_TEMPLATES.map((template) => template.id)).size).toBe(BUILTIN_TEMPLATES.length)
    expect(new Set(BUILTIN_TEMPLATES.map((template) => template.title)).size).toBe(BUILTIN_TEMPLATES.length)
  })
})
