/**
 * The two closing parts every year-end summary has (DOMAIN.md “Anatomy”): 存在的问题和不足 and
 * 下一年度工作打算, both written by the office that compiles the summary, the plan with one
 * sub-section per line of work.
 */
import type { TemplateSection } from '../../shared/schema/template.js'

export const problemsSection = (department: string, hint = '实事求是，写清差距和原因'): TemplateSection => ({ id: 'problems', title: '存在的问题和不足', department, hint, wordTarget: 300 })

export const planSection = (department: string, children: TemplateSection[]): TemplateSection => ({
  id: 'plan',
  title: '下一年度工作打算',
  department,
  hint: '目标任务和主要措施',
  wordTarget: 500,
  children,
})
