/**
 * The text a comment quotes: the selected text as the reader sees it, figures included in
 * their formatted form (`18个`), line breaks kept, an indicator table as its label.
 */
import type { Node as PMNode } from '@tiptap/pm/model'
import { formatIndicator } from '../../shared/indicators/format.js'
import { MAX_QUOTE_LENGTH } from '../../shared/doc/comments.js'
import type { IndicatorData, IndicatorShow } from '../../shared/indicators/types.js'

export const quoteOf = (doc: PMNode, from: number, to: number, figureOf: (key: string) => IndicatorData | undefined): string => {
  const leafText = (node: PMNode): string => {
    if (node.type.name === 'indicator') return formatIndicator(figureOf(String(node.attrs.key)), node.attrs.show as IndicatorShow, String(node.attrs.key))
    if (node.type.name === 'hardBreak') return '\n'
    if (node.type.name === 'indicatorTable') return '［指标表］'
    return ''
  }
  return doc.textBetween(from, to, '\n', leafText).slice(0, MAX_QUOTE_LENGTH)
}
