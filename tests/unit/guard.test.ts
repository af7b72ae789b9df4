import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate } from '../../server/collab/guard.js'
import { parseSectionRoot, sectionRoot } from '../../shared/doc/roots.js'

const SECTIONS = ['economy', 'investment', 'safety']
const owner: Record<string, string> = { economy: 'econ', investment: 'invest', safety: 'safe' }

/** A server doc with a server-written meta/outline and one fragment per section. */
const createServerDoc = (): Y.Doc => {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('title', '年度工作总结')
    doc.getMap('meta').set('title', '2026年度工作总结') // leaves a deletion in a server-only root
    for (const id of SECTIONS) doc.getXmlFragment(sectionRoot(id))
  })
  return doc
}

const mayWriteFor = (department: string) => (root: string) => owner[parseSectionRoot(root) ?? ''] === department

/** A client replica synced from the server, recording its updates. */
const createClient = (server: Y.Doc) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return { doc, updates }
}

const paragraph = (text: string): Y.XmlElement => {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

describe('update guard', () => {
  it('accepts an edit to a section of the own department and reports its root', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.getXmlFragment(sectionRoot('investment')).insert(0, [paragraph('新签项目20个')])
    const verdict = checkUpdate(server, client.updates[0]!, mayWriteFor('invest'))
    expect(verdict).toEqual({ ok: true, roots: new Set(['section:investment']) })
  })

  it('accepts what the section editor writes: lists, marks, figures and their attributes', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.transact(() => {
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraph('要点')])
      list.insert(0, [item])
      const text = new Y.XmlText()
      text.insert(0, '全年新签项目', { bold: true })
      const line = new Y.XmlElement('paragraph')
      const figure = new Y.XmlElement('indicator')
      figure.setAttribute('key', 'new_projects')
      line.insert(0, [text, figure])
      client.doc.getXmlFragment(sectionRoot('investment')).insert(0, [list, line])
    })
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(server)), mayWriteFor('invest')).ok).toBe(true)
  })

  it('accepts a table the writers make, with a figure in a cell, but refuses a tag of HTML tables the schema does not know', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.transact(() => {
      const cell = (name: string, content: Y.XmlElement) => {
        const node = new Y.XmlElement(name)
        node.setAttribute('colspan', 1 as unknown as string)
        node.insert(0, [content])
        return node
      }
      const figure = new Y.XmlElement('indicator')
      figure.setAttribute('key', 'new_projects')
      const withFigure = new Y.XmlElement('paragraph')
      withFigure.insert(0, [figure])
      const header = new Y.XmlElement('tableRow')
      header.insert(0, [cell('tableHeader', paragraph('项目')), cell('tableHeader', paragraph('进展'))])
      const row = new Y.XmlElement('tableRow')
      row.insert(0, [cell('tableCell', paragraph('标准厂房')), cell('tableCell', withFigure)])
      const table = new Y.XmlElement('table')
      table.insert(0, [header, row])
      client.doc.getXmlFragment(sectionRoot('investment')).insert(0, [table])
    })
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(server)), mayWriteFor('invest')).ok).toBe(true)
    const other = createClient(server)
    other.doc.getXmlFragment(sectionRoot('investment')).insert(0, [new Y.XmlElement('tbody')])
    expect(checkUpdate(server, other.updates[0]!, mayWriteFor('invest'))).toEqual({ ok: false, reason: '章节中不能有“tbody”', missing: false })
  })

  it('refuses in a section what its schema cannot show: a colleague’s editor would delete it, and may not', () => {
    const server = createServerDoc()
    const attempts: Array<[string, (fragment: Y.XmlFragment) => void, string]> = [
      ['an unknown element', (fragment) => fragment.insert(0, [new Y.XmlElement('script')]), '章节中不能有“script”'],
      ['an unknown mark', (fragment) => {
        const text = new Y.XmlText()
        text.insert(0, '红字', { color: 'red' })
        fragment.insert(0, [text])
      }, '不支持的文字格式“color”'],
      ['a hook', (fragment) => fragment.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement]), '章节中只能有正文内容'],
      ['an embed', (fragment) => {
        const text = new Y.XmlText()
        text.insertEmbed(0, { image: 'x.png' })
        fragment.insert(0, [text])
      }, '章节中只能有正文内容'],
    ]
    for (const [, attempt, reason] of attempts) {
      const client = createClient(server)
      attempt(client.doc.getXmlFragment(sectionRoot('investment')))
      expect(checkUpdate(server, client.updates[0]!, mayWriteFor('invest'))).toEqual({ ok: false, reason, missing: false })
    }
  })

  it('refuses an edit to another department’s section', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.getXmlFragment(sectionRoot('safety')).insert(0, [paragraph('越权内容')])
    expect(checkUpdate(server, client.updates[0]!, mayWriteFor('invest')).ok).toBe(false)
  })

  it('refuses writes to server-only roots', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.getMap('meta').set('title', '篡改标题')
    client.doc.getArray('outline').push(['x'])
    client.doc.getMap('indicators').set('agreed_funds', { value: 99 })
    client.doc.getMap('comments').set('forged', { text: '伪造的评论' })
    const admin = (root: string) => parseSectionRoot(root) !== null
    expect(client.updates).toHaveLength(4)
    for (const update of client.updates) expect(checkUpdate(server, update, admin).ok).toBe(false)
  })

  it('resolves items whose parent is only implied by their origin in the server doc', () => {
    const server = createServerDoc()
    const writer = createClient(server)
    writer.doc.getXmlFragment(sectionRoot('investment')).insert(0, [paragraph('协议资金')])
    Y.applyUpdate(server, writer.updates[0]!)
    const other = createClient(server)
    const text = (other.doc.getXmlFragment(sectionRoot('investment')).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(4, '4.8亿元') // appended after an existing character: only the origin is encoded
    const update = other.updates[0]!
    const decoded = Y.decodeUpdate(update).structs[0] as Y.Item
    expect(decoded.parent).toBeNull()
    expect(checkUpdate(server, update, mayWriteFor('invest')).ok).toBe(true)
    expect(checkUpdate(server, update, mayWriteFor('safe')).ok).toBe(false)
  })

  it('checks deletions against the root of the deleted content', () => {
    const server = createServerDoc()
    const writer = createClient(server)
    writer.doc.getXmlFragment(sectionRoot('safety')).insert(0, [paragraph('排查隐患20余处')])
    Y.applyUpdate(server, writer.updates[0]!)
    const intruder = createClient(server)
    intruder.doc.getXmlFragment(sectionRoot('safety')).delete(0, 1)
    expect(checkUpdate(server, intruder.updates[0]!, mayWriteFor('invest'))).toMatchObject({ ok: false })
    expect(checkUpdate(server, intruder.updates[0]!, mayWriteFor('safe')).ok).toBe(true)
  })

  it('accepts a full sync step 2 whose delete set repeats deletions the server already has', () => {
    const server = createServerDoc()
    const client = createClient(server)
    client.doc.getXmlFragment(sectionRoot('economy')).insert(0, [paragraph('产值增长')])
    const step2 = Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(server))
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0)
    expect(checkUpdate(server, step2, mayWriteFor('econ')).ok).toBe(true)
  })

  it('refuses an update that depends on structs the server does not have', () => {
    const server = createServerDoc()
    const client = createClient(server)
    const fragment = client.doc.getXmlFragment(sectionRoot('investment'))
    fragment.insert(0, [paragraph('第一段')])
    fragment.insert(1, [paragraph('第二段')])
    expect(checkUpdate(server, client.updates[1]!, mayWriteFor('invest'))).toMatchObject({ ok: false })
    Y.applyUpdate(server, client.updates[0]!)
    expect(checkUpdate(server, client.updates[1]!, mayWriteFor('invest')).ok).toBe(true)
  })

  it('refuses deleting content the server does not know', () => {
    const server = createServerDoc()
    const stranger = new Y.Doc()
    const text = stranger.getXmlFragment(sectionRoot('economy'))
    text.insert(0, [paragraph('abc')])
    const before = Y.encodeStateVector(stranger)
    text.delete(0, 1)
    const deleteOnly = Y.encodeStateAsUpdate(stranger, before)
    expect(Y.decodeUpdate(deleteOnly).structs).toHaveLength(0)
    expect(checkUpdate(server, deleteOnly, () => true)).toMatchObject({ ok: false })
  })

  it('throws on bytes that are not an update', () => {
    expect(() => checkUpdate(createServerDoc(), new Uint8Array([200, 1, 2, 3, 250, 250]), () => true)).toThrow()
  })
})
