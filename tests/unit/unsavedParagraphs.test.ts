import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { findUnsavedParagraphs } from '../../shared/doc/unsavedParagraphs.js'
import { buildFixture } from './exportFixture.js'

/** A copy of `doc` as another client has it (same structs, its own client id). */
const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

const paragraphText = (doc: Y.Doc, sectionId: string, index: number): Y.XmlText =>
  (doc.getXmlFragment(sectionRoot(sectionId)).get(index) as Y.XmlElement).get(0) as Y.XmlText

const appendParagraph = (doc: Y.Doc, sectionId: string, text: string): void => {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment(sectionRoot(sectionId))
  fragment.insert(fragment.length, [paragraph])
}

describe('paragraphs only a discarded local copy had', () => {
  it('lists new and reworded paragraphs per section, with the section title', () => {
    const server = buildFixture()
    const local = copyOf(server)
    appendParagraph(local, 'problems', '离线写下的新段落')
    paragraphText(local, 'work', 0).insert(0, '今年')
    expect(findUnsavedParagraphs(local, server)).toEqual([
      { sectionId: 'work', title: '主要工作', paragraphs: ['今年全年围绕中心工作，成效明显。'] },
      { sectionId: 'problems', title: '存在的问题', paragraphs: ['离线写下的新段落'] },
    ])
  })

  it('finds nothing when the server has everything, or more', () => {
    const server = buildFixture()
    const local = copyOf(server)
    expect(findUnsavedParagraphs(local, server)).toEqual([])
    appendParagraph(server, 'problems', '同事刚写的段落')
    expect(findUnsavedParagraphs(local, server)).toEqual([])
  })
})
