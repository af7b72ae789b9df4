import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { sectionSchema } from '../../shared/editor/extensions.js'
import { findText, replaceEdits } from '../../client/editor/findText.js'
import { applyTextEdits } from '../../client/editor/textEdits.js'

const schema = sectionSchema()
const paragraph = (...content: PMNode[]) => schema.node('paragraph', null, content)
const figure = (key: string) => schema.node('indicator', { key, show: 'value' })
const visible = (doc: PMNode) =>
  doc.textBetween(0, doc.content.size, '|', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : `[${leaf.attrs.key as string}]`))

const replaced = (doc: PMNode, query: string, replacement: string) => {
  const state = EditorState.create({ schema, doc })
  return state.apply(applyTextEdits(state.tr, replaceEdits(doc, query, replacement))).doc
}

describe('find and replace in a section', () => {
  const doc = schema.node('doc', null, [
    paragraph(schema.text('2025年，园区新签项目'), figure('new_projects'), schema.text('，园区'), schema.text('园区', [schema.mark('bold')])),
    paragraph(schema.text('园'), schema.node('hardBreak'), schema.text('区建设')),
    schema.node('bulletList', null, [schema.node('listItem', null, [paragraph(schema.text('围绕2025年目标'))])]),
  ])

  it('finds every occurrence, also across marks and in lists, never across a line break or paragraph', () => {
    const ranges = findText(doc, '园区')
    expect(ranges).toHaveLength(3)
    expect(ranges.map(({ from, to }) => doc.textBetween(from, to))).toEqual(['园区', '园区', '园区'])
    expect(findText(doc, '2025年')).toHaveLength(2)
    expect(findText(doc, '项目，')).toEqual([]) // a figure stands between them
    expect(findText(doc, '')).toEqual([])
  })

  it('replaces them all in one transaction, keeping figures, marks and line breaks', () => {
    const result = replaced(doc, '园区', '开发区')
    expect(visible(result)).toBe('2025年，开发区新签项目[new_projects]，开发区开发区|园\n区建设|围绕2025年目标')
    const first = result.child(0)
    expect(first.child(first.childCount - 1).marks.map((mark) => mark.type.name)).toEqual(['bold'])
    expect(visible(replaced(doc, '2025年', '2026年'))).toBe('2026年，园区新签项目[new_projects]，园区园区|园\n区建设|围绕2026年目标')
  })

  it('deletes when the replacement is empty and does nothing when it equals the phrase', () => {
    expect(visible(replaced(doc, '，园区', ''))).toBe('2025年新签项目[new_projects]园区|园\n区建设|围绕2025年目标')
    expect(replaceEdits(doc, '园区', '园区')).toEqual([])
  })

  it('counts overlapping candidates once, left to right', () => {
    const repeated = schema.node('doc', null, [paragraph(schema.text('啊啊啊'))])
    expect(findText(repeated, '啊啊')).toHaveLength(1)
    expect(visible(replaced(repeated, '啊啊', '啊'))).toBe('啊啊')
  })
})
