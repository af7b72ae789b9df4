/**
 * The update guard (DESIGN.md "The update guard"): decides, before anything is applied, which
 * roots an incoming update would touch. Every inserted struct and every deleted range must
 * resolve to a root the connection may write; anything unresolvable (it depends on structs the
 * server does not have) is refused, and so is anything in a section the section schema cannot
 * show (sectionContent.ts). Works in time proportional to the update: it decodes the
 * update once and looks referenced structs up by binary search, never encoding the document.
 */
import * as Y from 'yjs'
import { parseSectionRoot } from '../../shared/doc/roots.js'
import { sectionContentProblem } from './sectionContent.js'

/** `missing`: refused because the update depends on structs the server does not have (yet). */
export type GuardVerdict = { ok: true; roots: Set<string> } | { ok: false; reason: string; missing: boolean }

type Struct = Y.Item | Y.GC | Y.Skip
/** A root name, `gc` for content that integrates as garbage (harmless), or null when unknown. */
type Resolution = string | typeof GARBAGE | null
const GARBAGE = Symbol('garbage')
const MAX_CHAIN = 10_000

class Refusal extends Error {
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message)
  }
}
const MISSING = '更新依赖服务器尚未拥有的内容'

const findInSorted = (structs: readonly Struct[], clock: number): Struct | null => {
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const struct = structs[middle]!
    if (clock < struct.id.clock) high = middle - 1
    else if (clock >= struct.id.clock + struct.length) low = middle + 1
    else return struct
  }
  return null
}

/** Root name of an integrated type of the server doc (walks up to the top-level type). */
const rootKeyOf = (doc: Y.Doc, type: Y.AbstractType<unknown>, cache: Map<unknown, string>): string | null => {
  let top = type
  while (top._item !== null) {
    const parent = top._item.parent
    if (!(parent instanceof Y.AbstractType)) return null
    top = parent
  }
  if (cache.size === 0) for (const [key, value] of doc.share) cache.set(value, key)
  return cache.get(top) ?? null
}

/**
 * Checks `update` against `doc` and `mayWrite(rootName)`.
 * Throws on a malformed update (the caller closes the connection with 4400).
 */
export const checkUpdate = (doc: Y.Doc, update: Uint8Array, mayWrite: (root: string) => boolean): GuardVerdict => {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const shareCache = new Map<unknown, string>()
  const incoming = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = incoming.get(struct.id.client)
    if (list) list.push(struct)
    else incoming.set(struct.id.client, [struct])
  }
  const resolved = new Map<Y.Item, Resolution>()

  const resolveServerStruct = (struct: Y.Item | Y.GC): Resolution => {
    if (struct instanceof Y.GC) return GARBAGE
    const parent = struct.parent
    return parent instanceof Y.AbstractType ? rootKeyOf(doc, parent, shareCache) : null
  }

  /** Root of whatever struct holds `id`: the server's copy first, then the update's. */
  const resolveId = (id: Y.ID, depth: number): Resolution => {
    if (id.clock < Y.getState(store, id.client)) return resolveServerStruct(Y.getItem(store, id) as Y.Item | Y.GC)
    const struct = findInSorted(incoming.get(id.client) ?? [], id.clock)
    if (struct === null || struct instanceof Y.Skip) return null
    if (struct instanceof Y.GC) return GARBAGE
    return resolveItem(struct, depth + 1)
  }

  const resolveItem = (item: Y.Item, depth: number): Resolution => {
    const known = resolved.get(item)
    if (known !== undefined) return known
    if (depth > MAX_CHAIN) throw new Refusal('结构引用链过长')
    resolved.set(item, null) // breaks reference cycles: a cycle stays unresolved
    let root: Resolution
    const parent = item.parent as unknown
    if (typeof parent === 'string') root = parent
    else if (parent instanceof Y.ID) root = resolveParentId(parent, depth)
    else {
      const neighbour = item.origin ?? item.rightOrigin
      root = neighbour === null ? null : resolveId(neighbour, depth)
    }
    resolved.set(item, root)
    return root
  }

  /** An item's parent given by id must be an item holding a type; the child shares its root. */
  const resolveParentId = (id: Y.ID, depth: number): Resolution => {
    if (id.clock < Y.getState(store, id.client)) {
      const parentItem = Y.getItem(store, id) as Y.Item | Y.GC
      if (parentItem instanceof Y.GC) return GARBAGE
      if (!(parentItem.content instanceof Y.ContentType)) throw new Refusal('父节点不是容器')
      return resolveServerStruct(parentItem)
    }
    const struct = findInSorted(incoming.get(id.client) ?? [], id.clock)
    if (struct === null || struct instanceof Y.Skip) return null
    if (struct instanceof Y.GC) return GARBAGE
    if (!(struct.content instanceof Y.ContentType)) throw new Refusal('父节点不是容器')
    return resolveItem(struct, depth + 1)
  }

  const roots = new Set<string>()
  const admit = (resolution: Resolution): void => {
    if (resolution === GARBAGE) return
    if (resolution === null) throw new Refusal(MISSING, true)
    if (!mayWrite(resolution)) throw new Refusal(`无权修改“${resolution}”`)
    roots.add(resolution)
  }

  try {
    for (const [client, list] of incoming) {
      const serverClock = Y.getState(store, client)
      if (list[0]!.id.clock > serverClock) throw new Refusal(MISSING, true)
      for (const struct of list) {
        if (struct instanceof Y.Skip) throw new Refusal(MISSING, true)
        if (struct instanceof Y.GC || struct.id.clock + struct.length <= serverClock) continue
        if (struct.content instanceof Y.ContentDoc) throw new Refusal('不允许嵌入子文档')
        const root = resolveItem(struct, 0)
        admit(root)
        if (typeof root === 'string' && parseSectionRoot(root) !== null) {
          const problem = sectionContentProblem(struct)
          if (problem !== null) throw new Refusal(problem)
        }
      }
    }
    for (const [client, ranges] of ds.clients) {
      const serverClock = Y.getState(store, client)
      const serverStructs = store.clients.get(client) ?? []
      const updateStructs = incoming.get(client) ?? []
      for (const { clock, len } of ranges) {
        const end = clock + len
        if (clock < serverClock) {
          for (let index = Y.findIndexSS(serverStructs, clock); index < serverStructs.length; index++) {
            const struct = serverStructs[index] as Y.Item | Y.GC
            if (struct.id.clock >= end) break
            if (struct instanceof Y.Item && !struct.deleted) admit(resolveServerStruct(struct))
          }
        }
        for (let cursor = Math.max(clock, serverClock); cursor < end; ) {
          const struct = findInSorted(updateStructs, cursor)
          if (struct === null || struct instanceof Y.Skip) throw new Refusal('删除了服务器尚未拥有的内容', true)
          if (struct instanceof Y.Item) admit(resolveItem(struct, 0))
          cursor = struct.id.clock + struct.length
        }
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message, missing: error.missing }
    throw error
  }
  return { ok: true, roots }
}
