import { describe, expect, it } from 'vitest'
import { sectionSchema } from '../../shared/editor/extensions.js'

/**
 * Every stored section was written in this schema: a node or mark renamed, dropped or given
 * another content rule would make the editor drop or reshape what documents hold when they open.
 */
describe('the section schema', () => {
  it('has the nodes and marks documents were written with, in the same order and with the same rules', () => {
    const schema = sectionSchema()
    const nodes = Object.values(schema.nodes).map((type) => [type.name, type.spec.content ?? '', type.spec.group ?? '', Object.keys(type.spec.attrs ?? {}).join(',')])
    expect(nodes).toEqual([
      ['paragraph', 'inline*', 'block', ''],
      ['bulletList', 'listItem+', 'block list', ''],
      ['doc', 'block+', '', ''],
      ['hardBreak', '', 'inline', ''],
      ['listItem', 'paragraph block*', '', ''],
      ['orderedList', 'listItem+', 'block list', 'start,type'],
      ['text', '', 'inline', ''],
      ['indicator', '', 'inline', 'key,show'],
      ['indicatorTable', '', 'block', 'keys'],
      ['table', 'tableRow+', 'block', ''],
      ['tableRow', '(tableCell | tableHeader)*', '', ''],
      ['tableHeader', 'paragraph+', '', 'colspan,rowspan,colwidth,align'],
      ['tableCell', 'paragraph+', '', 'colspan,rowspan,colwidth,align'],
    ])
    expect(Object.keys(schema.marks)).toEqual(['bold', 'italic', 'strike', 'underline'])
  })
})
