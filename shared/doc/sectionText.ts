/**
 * Plain text of a section fragment: one line per block, inline atoms (indicator nodes) rendered
 * by the caller's `renderInline`. Used for word counts and placeholders; exports use the
 * document model instead.
 */
import * as Y from 'yjs'

type InlineRenderer = (element: Y.XmlElement) => string

const textOf = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, renderInline: InlineRenderer): string => {
  if (node instanceof Y.XmlText) return node.toJSON() === '' ? '' : node.toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  if (node instanceof Y.XmlElement) {
    const inline = renderInline(node)
    if (inline !== '') return inline
    return node.toArray().map((child) => textOf(child, renderInline)).join('')
  }
  return ''
}

const isBlock = (node: unknown): node is Y.XmlElement =>
  node instanceof Y.XmlElement && !['text', 'indicator', 'hardBreak'].includes(node.nodeName)

/** Block-level lines of a fragment; nested blocks (list items, table cells) become own lines. */
export const readSectionLines = (fragment: Y.XmlFragment, renderInline: InlineRenderer = () => ''): string[] => {
  const lines: string[] = []
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    const children = parent.toArray()
    if (children.some(isBlock)) {
      for (const child of children) if (isBlock(child)) walk(child)
      return
    }
    lines.push(children.map((child) => textOf(child, renderInline)).join(''))
  }
  walk(fragment)
  return lines.filter((line) => line.trim() !== '')
}
