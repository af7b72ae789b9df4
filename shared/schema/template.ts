/**
 * The template format of DESIGN.md ("Template"): section skeleton, departments and indicator
 * definitions. validateTemplate checks shape and cross references and answers in Chinese.
 */
import { z } from 'zod'
import { stripTypedNumber } from '../numbering.js'
import { canonicalUnit } from '../indicators/figureNumber.js'
import { describeIssues, type FieldProblem } from './zodIssues.js'

export const MAX_SECTION_DEPTH = 4
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/


/** Ids of templates, sections and indicators. */
export const idSchema = z.string().regex(ID_PATTERN, { error: '只能包含字母、数字、- 和 _（1–64 个字符）' })

export interface TemplateSection {
  id: string
  title: string
  department: string
  hint?: string
  wordTarget?: number
  indicators?: string[]
  /** The opening paragraph(s) before 一、 (导语): no number, and no heading in the exports. */
  lead?: boolean
  children?: TemplateSection[]
}

/** A section title, a heading marker typed in front of it dropped (numbering is derived). */
export const headingTitleSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform(stripTypedNumber)
  .pipe(z.string().min(1, { error: '标题不能只有编号' }))

const sectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z.strictObject({
    id: idSchema,
    title: headingTitleSchema,
    department: z.string().trim().min(1).max(50),
    hint: z.string().max(1000).optional(),
    wordTarget: z.number().int().min(0).max(100000).optional(),
    indicators: z.array(idSchema).max(50).optional(),
    lead: z.boolean().optional(),
    children: z.array(sectionSchema).max(100).optional(),
  }),
)

export const indicatorDefinitionSchema = z.strictObject({
  key: idSchema,
  label: z.string().trim().min(1).max(100),
  // Any short unit a report uses: 个、家、亩、万元、亿元、%、人次、万人次…
  unit: z.string().trim().max(10).transform(canonicalUnit),
  department: z.string().trim().min(1).max(50),
  precision: z.number().int().min(0).max(4).optional(),
  /** An approximate count: true or '余' prints 20余次, '多' prints 20多个 (DOMAIN.md). */
  approx: z.union([z.boolean(), z.enum(['余', '多'])], { error: '应为 true、false、"余" 或 "多"' }).optional(),
  /** The figure this one is part of: 新投产企业12家，其中高新技术企业2户. */
  parent: idSchema.optional(),
  /** A rate in % computed from two figures, never typed: 隐患整改率 = 整改隐患 ÷ 排查隐患. */
  ratio: z.strictObject({ part: idSchema, whole: idSchema }).optional(),
})
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>

export const templateSchema = z.strictObject({
  id: idSchema,
  title: z.string().trim().min(1).max(200),
  departments: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  sections: z.array(sectionSchema).min(1).max(200),
  indicators: z.array(indicatorDefinitionSchema).max(500).optional(),
})
export type Template = z.infer<typeof templateSchema>

/**
 * What is wrong with figure `key`, in `unit`, as a rate computed from `ratio` — in a template or
 * defined in a summary alike. `other` tells of a figure it may use (its name in messages, whether
 * it is a rate itself), undefined when there is none. Paths are the figure's own (unit, ratio.part).
 */
export const ratioProblems = (key: string, unit: string, ratio: { part: string; whole: string }, other: (key: string) => { name: string; isRatio: boolean } | undefined): FieldProblem[] => {
  const problems: FieldProblem[] = []
  if (unit !== '%') problems.push({ path: 'unit', message: '计算得出的比率，单位应为 %' })
  for (const side of ['part', 'whole'] as const) {
    const used = ratio[side]
    const figure = used === key ? undefined : other(used)
    const message = used === key ? '比率不能由自己计算' : !figure ? `未定义的指标“${used}”` : figure.isRatio ? `“${figure.name}”本身是计算得出的比率，不能再参与计算` : null
    if (message) problems.push({ path: `ratio.${side}`, message })
  }
  if (ratio.part === ratio.whole && ratio.part !== key) problems.push({ path: 'ratio.whole', message: '比率的分子和分母不能是同一指标' })
  return problems
}

export type TemplateValidation = { ok: true; template: Template } | { ok: false; problems: FieldProblem[] }

const checkReferences = (template: Template): FieldProblem[] => {
  const problems: FieldProblem[] = []
  const departments = new Set(template.departments)
  const indicatorKeys = new Set<string>()
  template.indicators?.forEach((indicator, index) => {
    const path = `indicators[${index}]`
    if (indicatorKeys.has(indicator.key)) problems.push({ path: `${path}.key`, message: `指标键“${indicator.key}”重复` })
    indicatorKeys.add(indicator.key)
    if (!departments.has(indicator.department))
      problems.push({ path: `${path}.department`, message: `部门“${indicator.department}”不在 departments 列表中` })
  })
  const parents = indicatorParents(template)
  template.indicators?.forEach((indicator, index) => {
    if (indicator.parent === undefined) return
    const path = `indicators[${index}].parent`
    if (indicator.parent === indicator.key) problems.push({ path, message: '指标不能是自己的上级指标' })
    else if (!indicatorKeys.has(indicator.parent)) problems.push({ path, message: `未定义的上级指标“${indicator.parent}”` })
    else if (parents.has(indicator.parent)) problems.push({ path, message: `上级指标“${indicator.parent}”本身也有上级指标；“其中”只支持一级` })
  })
  const byKey = new Map((template.indicators ?? []).map((indicator) => [indicator.key, { name: indicator.key, isRatio: indicator.ratio !== undefined }]))
  template.indicators?.forEach((indicator, index) => {
    if (!indicator.ratio) return
    for (const problem of ratioProblems(indicator.key, indicator.unit, indicator.ratio, (key) => byKey.get(key))) problems.push({ ...problem, path: `indicators[${index}].${problem.path}` })
  })
  const sectionIds = new Set<string>()
  const visit = (sections: TemplateSection[], prefix: string, depth: number): void => {
    sections.forEach((section, index) => {
      const path = `${prefix}[${index}]`
      if (depth > MAX_SECTION_DEPTH) problems.push({ path, message: `章节层级不能超过 ${MAX_SECTION_DEPTH} 级` })
      if (sectionIds.has(section.id)) problems.push({ path: `${path}.id`, message: `章节编号“${section.id}”重复` })
      sectionIds.add(section.id)
      if (!departments.has(section.department))
        problems.push({ path: `${path}.department`, message: `部门“${section.department}”不在 departments 列表中` })
      section.indicators?.forEach((key, keyIndex) => {
        if (!indicatorKeys.has(key)) problems.push({ path: `${path}.indicators[${keyIndex}]`, message: `未定义的指标“${key}”` })
      })
      if (section.lead && (depth > 1 || index > 0)) problems.push({ path: `${path}.lead`, message: '导语只能是第一个一级章节' })
      if (section.lead && section.children?.length) problems.push({ path: `${path}.lead`, message: '导语不能有下级章节' })
      if (section.children) visit(section.children, `${path}.children`, depth + 1)
    })
  }
  visit(template.sections, 'sections', 1)
  return problems
}

/** Each indicator that is part of another, with the key of that other one. */
export const indicatorParents = (template: Pick<Template, 'indicators'>): Map<string, string> =>
  new Map((template.indicators ?? []).flatMap((indicator) => (indicator.parent === undefined ? [] : [[indicator.key, indicator.parent] as const])))

/** Validates unknown JSON as a template: shape first, then ids, depth and references. */
export const validateTemplate = (input: unknown): TemplateValidation => {
  const parsed = templateSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) }
  const problems = checkReferences(parsed.data)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data }
}

export interface FlatTemplateSection extends Omit<TemplateSection, 'children'> {
  level: number
}

/**
 * The inverse of flattenSections: sections in document order with their levels as a tree, each
 * under the last one before it with a lower level (a level skipped nests one level down).
 */
export const nestSections = (flat: ReadonlyArray<{ level: number; section: TemplateSection }>): TemplateSection[] => {
  const roots: TemplateSection[] = []
  const open: Array<{ level: number; section: TemplateSection }> = []
  for (const item of flat) {
    while (open.length > 0 && open.at(-1)!.level >= item.level) open.pop()
    const parent = open.at(-1)?.section
    if (parent) (parent.children ??= []).push(item.section)
    else roots.push(item.section)
    open.push(item)
  }
  return roots
}

/** Sections in document order with their levels (1 = top). */
export const flattenSections = (sections: readonly TemplateSection[], level = 1): FlatTemplateSection[] =>
  sections.flatMap(({ children, ...section }) => [{ ...section, level }, ...flattenSections(children ?? [], level + 1)])
