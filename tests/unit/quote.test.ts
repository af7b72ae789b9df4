import type { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { sectionSchema } from '../../shared/editor/extensions.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { quoteOf } from '../../client/editor/quote.js'

const figures: Record<string, IndicatorData> = {
  new_projects: { label: '新签工业项目', unit: '个', precision: 0, approx: false, value: 18, previous: 15, target: 16, departmentId: 'd', updatedAt: null, source: null },
}

const schema = sectionSchema()
const paragraph = (content: PMNode[]) => schema.node('paragraph', null, content)
const doc = schema.node('doc', null, [
  paragraph([schema.text('全年新签工业项目'), schema.node('indicator', { key: 'new_projects', show: 'value' }), schema.text('，'), schema.node('indicator', { key: 'new_projects', show: 'change' }), schema.text('。')]),
  paragraph([schema.text('第一行'), schema.node('hardBreak'), schema.text('第二行')]),
])

describe('the phrase a comment quotes', () => {
  it('shows figures as the reader sees them, not as placeholders', () => {
    expect(quoteOf(doc, 1, doc.child(0).nodeSize - 1, (key) => figures[key])).toBe('全年新签工业项目18个，同比增长20.0%。')
  })

  it('marks a figure the data lacks as a gap, and keeps line breaks between and within paragraphs', () => {
    expect(quoteOf(doc, 1, doc.content.size - 1, () => undefined)).toBe('全年新签工业项目【待填：未知指标 new_projects】，【待填：未知指标 new_projects】。\n第一行\n第二行')
  })
})
