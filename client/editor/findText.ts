/**
 * 查找替换 in one section: where a phrase occurs, paragraph by paragraph (a match never spans a
 * paragraph, a line break or a figure), and the edits that replace every occurrence.
 */
import type { Node } from '@tiptap/pm/model'
import { eachParagraphText, type TextEdit } from './textEdits.js'

export interface TextRange {
  from: number
  to: number
}

/** The longest phrase searched for; longer input is cut, as a search box would. */
export const MAX_QUERY_LENGTH = 200

export const findText = (doc: Node, query: string): TextRange[] => {
  const ranges: TextRange[] = []
  if (!query) return ranges
  eachParagraphText(doc, (text, start) => {
    for (let index = text.indexOf(query); index !== -1; index = text.indexOf(query, index + query.length)) {
      ranges.push({ from: start + index, to: start + index + query.length })
    }
  })
  return ranges
}

export const replaceEdits = (doc: Node, query: string, replacement: string): TextEdit[] =>
  query === replacement ? [] : findText(doc, query).map(({ from, to }) => ({ from, to, insert: replacement }))
