import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { sectionSchema } from '../../shared/editor/extensions.js'
import { slipFixes } from '../../client/editor/slipFixes.js'
import { applyTextEdits } from '../../client/editor/textEdits.js'

const schema = sectionSchema()
const paragraph = (...content: PMNode[]) => schema.node('paragraph', null, content)
const figure = (key: string) => schema.node('indicator', { key, show: 'value' })

const fixed = (doc: PMNode) => {
  const state = EditorState.create({ schema, doc })
  return state.apply(applyTextEdits(state.tr, slipFixes(doc))).doc
}

describe('fixing punctuation in a section editor', () => {
  it('fixes every paragraph in one transaction, keeping marks, figures and line breaks', () => {
    const doc = schema.node('doc', null, [
      paragraph(schema.text('协议资金'), figure('agreed_funds'), schema.text(',同比'), figure('agreed_funds'), schema.text('.')),
      paragraph(schema.text('园区 全年', [schema.mark('bold')]), schema.node('hardBreak'), schema.text('(含'), figure('new_projects'), schema.text(')，，完成...')),
      schema.node('bulletList', null, [schema.node('listItem', null, [paragraph(schema.text('以商招商;以企引企'))])]),
    ])
    const result = fixed(doc)
    const first = result.child(0)
    expect(first.textContent).toBe('协议资金，同比。')
    expect([0, 1, 2, 3, 4].map((index) => first.child(index).type.name)).toEqual(['text', 'indicator', 'text', 'indicator', 'text'])
    const second = result.child(1)
    expect(second.textBetween(0, second.content.size, undefined, (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '#'))).toBe('园区全年\n（含#），完成……')
    expect(second.child(0).marks.map((mark) => mark.type.name)).toEqual(['bold'])
    expect(second.child(3).type.name).toBe('indicator')
    expect(result.child(2).textContent).toBe('以商招商；以企引企')
  })

  it('fixes misused words with the punctuation, also inside brackets', () => {
    const doc = schema.node('doc', null, [paragraph(schema.text('截止目前,已完成(工作布署),建立台帐。二0二六年'))])
    expect(fixed(doc).textContent).toBe('截至目前，已完成（工作部署），建立台账。二〇二六年')
    const bare = schema.node('doc', null, [paragraph(schema.text('谋划十五五,落实"三会一课"制度'))])
    expect(fixed(bare).textContent).toBe('谋划“十五五”，落实“三会一课”制度')
  })

  it('renumbers points out of turn, also when each point is a paragraph of its own', () => {
    const doc = schema.node('doc', null, [
      paragraph(schema.text('一是健全制度。')),
      paragraph(schema.text('二是强化督查。')),
      paragraph(schema.text('四是严格考核；五是注重实效。')),
    ])
    const result = fixed(doc)
    expect([0, 1, 2].map((index) => result.child(index).textContent)).toEqual(['一是健全制度。', '二是强化督查。', '三是严格考核；四是注重实效。'])
  })

  it('finds nothing to fix in clean text', () => {
    expect(slipFixes(schema.node('doc', null, [paragraph(schema.text('全年完成3,000万元，增长1.5个百分点。'))]))).toEqual([])
  })
})
