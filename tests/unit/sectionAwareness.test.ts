import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { sectionAwareness } from '../../client/editor/sectionAwareness.js'

/** A summary with two sections, and a colleague whose caret we move by awareness updates. */
const setup = () => {
  const doc = new Y.Doc()
  for (const id of ['a', 'b']) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(`第${id}节正文`)])
    doc.getXmlFragment(`section:${id}`).insert(0, [paragraph])
  }
  const mine = new Awareness(doc)
  const colleague = new Awareness(new Y.Doc())
  const caretIn = (sectionId: string | null) => {
    if (sectionId === null) colleague.setLocalStateField('cursor', null)
    else {
      const text = (doc.getXmlFragment(`section:${sectionId}`).get(0) as Y.XmlElement).get(0) as Y.XmlText
      const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 1))
      colleague.setLocalStateField('cursor', { anchor: position, head: position })
    }
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote')
  }
  const heard: string[] = []
  const views = ['a', 'b'].map((sectionId) => {
    const view = sectionAwareness(mine, sectionId)
    view.on('change', () => heard.push(sectionId))
    return view
  })
  return { mine, colleague, caretIn, heard, views }
}

describe('section awareness', () => {
  it('tells a section only about carets that are, or just were, in it', () => {
    const { caretIn, heard } = setup()
    caretIn('a')
    expect(heard.splice(0)).toEqual(['a'])
    caretIn('a') // typing on in section a
    expect(heard.splice(0)).toEqual(['a'])
    caretIn('b') // moved over: a drops the caret, b draws it
    expect(heard.splice(0).sort()).toEqual(['a', 'b'])
    caretIn(null)
    expect(heard.splice(0)).toEqual(['b'])
  })

  it('tells every section about a caret in text it has not received yet', () => {
    const { mine, colleague, heard } = setup()
    const elsewhere = new Y.Doc()
    elsewhere.getXmlFragment('section:a').insert(0, [new Y.XmlText('别处的字')])
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(elsewhere.getXmlFragment('section:a').get(0) as Y.XmlText, 1))
    colleague.setLocalStateField('cursor', { anchor: position, head: position })
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote')
    expect(heard.splice(0).sort()).toEqual(['a', 'b'])

    // Its text arrives in section a and gets drawn there; when the caret then leaves, a section
    // that may still draw it must hear of it (it was left drawn in the browser).
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(elsewhere))
    colleague.setLocalStateField('cursor', null)
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote')
    expect(heard.splice(0).sort()).toEqual(['a', 'b'])
  })

  it('does not fail on a caret it cannot read; every section hears of it', () => {
    const { mine, colleague, heard } = setup()
    colleague.setLocalStateField('cursor', { anchor: { item: 'garbage', type: 42 }, head: null })
    expect(() => applyAwarenessUpdate(mine, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote')).not.toThrow()
    expect(heard.splice(0).sort()).toEqual(['a', 'b'])
  })

  it('reads and writes the real awareness, and stops listening to it when the last section leaves', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    const observers = () => (awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0
    const before = observers()
    const [a, b] = [sectionAwareness(awareness, 'a'), sectionAwareness(awareness, 'b')]
    const listener = () => {}
    a.on('change', listener)
    b.on('update', listener)
    expect(observers()).toBe(before + 1) // one listener on the real awareness, however many sections
    a.setLocalStateField('user', { name: '李文秘' })
    expect(awareness.getLocalState()).toMatchObject({ user: { name: '李文秘' } })
    expect(b.getStates()).toBe(awareness.getStates())
    a.off('change', listener)
    expect(observers()).toBe(before + 1)
    b.off('update', listener)
    expect(observers()).toBe(before)
  })
})
