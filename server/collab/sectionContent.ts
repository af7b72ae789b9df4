/**
 * What an update may put into a section: only what the section schema can show. A colleague's
 * editor that meets anything else deletes it (that is how y-prosemirror repairs its view), and
 * for everyone who may not write that section the deletion is refused, so their page would
 * reset again and again. Such content is therefore refused where it comes in, by the guard.
 */
import * as Y from 'yjs'
import { sectionSchema } from '../../shared/editor/extensions.js'

let names: { nodes: Set<string>; marks: Set<string> } | null = null
const allowed = () => {
  if (names) return names
  const schema = sectionSchema()
  const nodes = new Set(Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text'))
  return (names = { nodes, marks: new Set(Object.keys(schema.marks)) })
}

const ONLY_BODY = '章节中只能有正文内容'

/** Why `item`, inserted into a section, cannot be shown there; null when it can. */
export const sectionContentProblem = (item: Y.Item): string | null => {
  const { content } = item
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null
  if (content instanceof Y.ContentType) {
    const { type } = content
    if (type instanceof Y.XmlText) return null
    if (type instanceof Y.XmlElement) return allowed().nodes.has(type.nodeName) ? null : `章节中不能有“${type.nodeName}”`
    return ONLY_BODY
  }
  // y-prosemirror keys a mark that may overlap itself as `name--hash`.
  if (content instanceof Y.ContentFormat) return allowed().marks.has(content.key.split('--')[0]!) ? null : `不支持的文字格式“${content.key}”`
  // Attribute values of elements; anything else in a section's sequences is not text.
  if (content instanceof Y.ContentAny) return item.parentSub !== null ? null : ONLY_BODY
  return ONLY_BODY
}
