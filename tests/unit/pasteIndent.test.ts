import { Slice, type Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { sectionSchema } from '../../shared/editor/extensions.js'
import { trimPastedIndent } from '../../client/editor/pasteIndent.js'

const schema = sectionSchema()
const paragraph = (...content: PMNode[]) => schema.node('paragraph', null, content)
const texts = (slice: Slice) => {
  const found: string[] = []
  slice.content.descendants((node) => {
    if (node.isTextblock) found.push(node.textContent)
  })
  return found
}

describe('pasting a hand-indented draft', () => {
  it('drops the full-width and plain spaces that start each pasted paragraph, keeping marks and the rest', () => {
    const slice = new Slice(
      schema.node('doc', null, [
        paragraph(schema.text('　　全年新签工业项目18个。')),
        paragraph(schema.text('  \u00a0'), schema.text('协议资金', [schema.mark('bold')]), schema.text('5.2亿元。')),
        schema.node('bulletList', null, [schema.node('listItem', null, [paragraph(schema.text('　　以商招商。'))])]),
        paragraph(schema.text('　　')),
      ]).content,
      0,
      0,
    )
    const trimmed = trimPastedIndent(slice, false)
    expect(texts(trimmed)).toEqual(['全年新签工业项目18个。', '协议资金5.2亿元。', '以商招商。', ''])
    expect(trimmed.content.child(1).firstChild!.marks.map((mark) => mark.type.name)).toEqual(['bold'])
  })

  it('leaves the paragraph a paste continues mid-line as it is, but trims it at the start of a line', () => {
    const slice = new Slice(schema.node('doc', null, [paragraph(schema.text(' and more')), paragraph(schema.text('　　下一段'))]).content, 1, 1)
    expect(texts(trimPastedIndent(slice, false))).toEqual([' and more', '下一段'])
    expect(texts(trimPastedIndent(slice, true))).toEqual(['and more', '下一段'])
  })
})
