/**
 * Drops the indent people type by hand at the start of pasted paragraphs. Drafts written in Word
 * or WPS indent each paragraph with full-width spaces (　　) or spaces; the exports indent every
 * paragraph themselves (two characters, GB/T 9704), so a pasted indent would print twice. Where
 * the paste continues the paragraph the caret is in (the open start of the slice) and the caret
 * is not at that paragraph's start, the text is joined to what is there and left alone.
 */
import { Fragment, Slice, type Node } from '@tiptap/pm/model'

const LEADING_SPACE = /^[\s\u3000\u00a0]+/

const trimTextblock = (block: Node): Node => {
  const first = block.firstChild
  if (!first?.isText) return block
  const text = first.text!.replace(LEADING_SPACE, '')
  if (text === first.text) return block
  const rest: Node[] = []
  block.forEach((child, _offset, index) => index > 0 && rest.push(child))
  return block.copy(Fragment.from(text ? [block.type.schema.text(text, first.marks), ...rest] : rest))
}

/** `openDepth`: how many levels of the first node continue what is already there. */
const trimFragment = (fragment: Fragment, openDepth: number): Fragment => {
  const nodes: Node[] = []
  fragment.forEach((node, _offset, index) => {
    const open = index === 0 && openDepth > 0
    if (node.isTextblock) nodes.push(open ? node : trimTextblock(node))
    else if (node.isLeaf) nodes.push(node)
    else nodes.push(node.copy(trimFragment(node.content, open ? openDepth - 1 : 0)))
  })
  return Fragment.from(nodes)
}

/** `atBlockStart`: the caret is at the start of its paragraph (an empty section, a new line). */
export const trimPastedIndent = (slice: Slice, atBlockStart: boolean): Slice =>
  new Slice(trimFragment(slice.content, atBlockStart ? 0 : slice.openStart), slice.openStart, slice.openEnd)
