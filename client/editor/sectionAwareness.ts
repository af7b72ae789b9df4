/**
 * One awareness, many section editors. y-tiptap's caret plugin redraws its editor on every
 * awareness change anywhere: it was written for one editor per document. With one editor per
 * section, every keystroke (which moves the writer's own caret) and every colleague's caret
 * move redrew every section, 150 editor transactions per keystroke in a 150-section summary.
 *
 * sectionAwareness() hands each section's caret plugin a view of the provider's awareness that
 * reports only the clients whose caret is, or just was, in that section. The real awareness is
 * listened to once (per awareness); reads and writes go straight through.
 */
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { parseSectionRoot } from '../../shared/doc/roots.js'

type Listener = (change: AwarenessChange, origin: unknown) => void
interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** What the caret extension and y-tiptap's caret plugin use of an awareness. */
export interface SectionAwareness {
  readonly states: Map<number, Record<string, unknown>>
  getStates(): Map<number, Record<string, unknown>>
  getLocalState(): Record<string, unknown> | null
  setLocalStateField(field: string, value: unknown): void
  on(event: 'change' | 'update', listener: Listener): void
  off(event: 'change' | 'update', listener: Listener): void
}

/** Where a caret can be: a section, nowhere (no caret), or unknown (its text has not arrived). */
type CaretPlace = string | null | undefined

interface Router {
  listeners: Map<string, Set<Listener>>
  stop: () => void
}

const routers = new WeakMap<Awareness, Router>()

/** The root type's name of whatever `type` sits in, e.g. `section:investment`. */
const rootNameOf = (doc: Y.Doc, type: Y.AbstractType<unknown>): string | null => {
  let root = type
  while (root._item !== null) root = root._item.parent as Y.AbstractType<unknown>
  for (const [name, shared] of doc.share) if (shared === root) return name
  return null
}

/** The section a client's caret is in (its awareness `cursor`), null for none, undefined while unknown. */
export const caretPlace = (doc: Y.Doc, state: Record<string, unknown> | undefined): CaretPlace => {
  const anchor = (state?.cursor as { anchor?: unknown } | null | undefined)?.anchor
  if (!anchor) return null
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor), doc)
    if (!position) return undefined
    const name = rootNameOf(doc, position.type)
    return name === null ? null : parseSectionRoot(name)
  } catch {
    return undefined // a caret this page cannot read: let every section's plugin decide
  }
}

const createRouter = (awareness: Awareness): Router => {
  const { doc } = awareness
  const listeners = new Map<string, Set<Listener>>()
  const places = new Map<number, CaretPlace>()
  for (const [clientId, state] of awareness.getStates()) {
    const place = caretPlace(doc, state)
    if (place !== null) places.set(clientId, place)
  }
  // 'update' follows every change (and every renewal), so one listener sees all of them.
  const handle = (change: AwarenessChange, origin: unknown) => {
    const affected = new Set<CaretPlace>()
    for (const clientId of [...change.added, ...change.updated, ...change.removed]) {
      // Where it was: a section, unknown (every section may have drawn it since), or no caret.
      affected.add(places.has(clientId) ? places.get(clientId) : null)
      const place = change.removed.includes(clientId) ? null : caretPlace(doc, awareness.getStates().get(clientId))
      affected.add(place)
      if (place === null) places.delete(clientId)
      else places.set(clientId, place)
    }
    const everyone = affected.has(undefined)
    for (const [sectionId, set] of listeners) if (everyone || affected.has(sectionId)) for (const listener of [...set]) listener(change, origin)
  }
  awareness.on('update', handle)
  return { listeners, stop: () => awareness.off('update', handle) }
}

export const sectionAwareness = (awareness: Awareness, sectionId: string): SectionAwareness => {
  const router = (): Router => {
    let existing = routers.get(awareness)
    if (!existing) routers.set(awareness, (existing = createRouter(awareness)))
    return existing
  }
  // The caret extension subscribes to 'update' and the caret plugin to 'change'; both only
  // need to hear that something about this section's carets changed.
  const registered = new Map<Listener, number>()
  return {
    get states() {
      return awareness.states as Map<number, Record<string, unknown>>
    },
    getStates: () => awareness.getStates() as Map<number, Record<string, unknown>>,
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    on: (_event, listener) => {
      const { listeners } = router()
      let set = listeners.get(sectionId)
      if (!set) listeners.set(sectionId, (set = new Set()))
      set.add(listener)
      registered.set(listener, (registered.get(listener) ?? 0) + 1)
    },
    off: (_event, listener) => {
      const count = registered.get(listener) ?? 0
      if (count === 0) return
      if (count > 1) return void registered.set(listener, count - 1)
      registered.delete(listener)
      const current = routers.get(awareness)
      const set = current?.listeners.get(sectionId)
      set?.delete(listener)
      if (set?.size === 0) current!.listeners.delete(sectionId)
      if (current && current.listeners.size === 0) {
        current.stop()
        routers.delete(awareness)
      }
    },
  }
}
