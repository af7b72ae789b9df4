import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate } from '../../server/collab/guard.js'
import { parseSectionRoot, sectionRoot } from '../../shared/doc/roots.js'
import { createRandom } from '../random.js'

const OWNERS: Record<string, string> = { economy: 'econ', investment: 'invest', safety: 'safe' }
const SECTIONS = Object.keys(OWNERS)
const DEPARTMENTS = ['econ', 'invest', 'safe']
/** Each department types only its own letter, so foreign content is visible character by character. */
const LETTERS: Record<string, string> = { econ: 'E', invest: 'I', safe: 'S' }

interface Replica {
  department: string
  doc: Y.Doc
}

const replicaOf = (server: Y.Doc, department: string): Replica => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return { department, doc }
}

/** One random edit in `sectionId`: a new paragraph, text typed into one, or a deletion. */
const randomEdit = (replica: Replica, sectionId: string, random: () => number): void => {
  const fragment = replica.doc.getXmlFragment(sectionRoot(sectionId))
  const choice = random()
  const tag = LETTERS[replica.department]!
  if (fragment.length === 0 || choice < 0.3) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(tag)])
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph])
    return
  }
  const paragraph = fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement
  if (choice < 0.8 && paragraph.length > 0) {
    const text = paragraph.get(0) as Y.XmlText
    const at = Math.floor(random() * (text.length + 1)) // inserting mid-text encodes only an origin
    text.insert(at, tag)
    return
  }
  if (choice < 0.9 && paragraph.length > 0) {
    const text = paragraph.get(0) as Y.XmlText
    if (text.length > 1) {
      const from = Math.floor(random() * (text.length - 1))
      text.delete(from, 1 + Math.floor(random() * Math.min(3, text.length - from - 1)))
      return
    }
  }
  fragment.delete(Math.floor(random() * fragment.length), 1)
}

const lettersIn = (doc: Y.Doc, sectionId: string): Set<string> =>
  new Set(doc.getXmlFragment(sectionRoot(sectionId)).toString().replace(/<\/?paragraph>/g, '').split(''))

describe('update guard under random edits by several departments', () => {
  it.each([1, 2, 3, 4, 5])('accepts exactly the allowed edits and never lets foreign content in (seed %i)', (seed) => {
    const random = createRandom(seed)
    const server = new Y.Doc()
    server.transact(() => SECTIONS.forEach((id) => server.getXmlFragment(sectionRoot(id))))
    const replicas = DEPARTMENTS.flatMap((department) => [replicaOf(server, department), replicaOf(server, department)])
    let accepted = 0
    let refused = 0

    for (let step = 0; step < 400; step++) {
      const index = Math.floor(random() * replicas.length)
      const replica = replicas[index]!
      const own = random() < 0.75
      const sectionId = own ? SECTIONS[DEPARTMENTS.indexOf(replica.department)]! : SECTIONS[Math.floor(random() * SECTIONS.length)]!
      const allowed = OWNERS[sectionId] === replica.department
      const updates: Uint8Array[] = []
      const record = (update: Uint8Array) => updates.push(update)
      replica.doc.on('update', record)
      randomEdit(replica, sectionId, random)
      replica.doc.off('update', record)

      for (const update of updates) {
        const verdict = checkUpdate(server, update, (root) => OWNERS[parseSectionRoot(root) ?? ''] === replica.department)
        const where = `step ${step}: ${replica.department} editing ${sectionId}`
        if (verdict.ok && !allowed) {
          // Only what changes no content may pass: a repeated deletion, or an insertion next to
          // content the server already garbage-collected (Yjs integrates it as garbage).
          expect(verdict.roots.size, where).toBe(0)
          const before = SECTIONS.map((id) => server.getXmlFragment(sectionRoot(id)).toString())
          Y.applyUpdate(server, update)
          expect(SECTIONS.map((id) => server.getXmlFragment(sectionRoot(id)).toString()), where).toEqual(before)
          continue
        }
        expect(verdict.ok, where).toBe(allowed)
        if (verdict.ok) {
          Y.applyUpdate(server, update)
          accepted++
        } else {
          refused++
          replicas[index] = replicaOf(server, replica.department) // the client discards its copy
        }
      }
      // Deliver the server state to a random replica now and then, as broadcasts would.
      if (random() < 0.5) {
        const target = replicas[Math.floor(random() * replicas.length)]!
        Y.applyUpdate(target.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(target.doc)))
      }
    }

    expect(accepted).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(10)
    for (const sectionId of SECTIONS) {
      for (const letter of lettersIn(server, sectionId)) expect(letter).toBe(LETTERS[OWNERS[sectionId]!])
    }
    expect(server.store.pendingStructs).toBeNull()
  })
})
