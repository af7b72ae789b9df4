/**
 * The opening a section gets when its template lists indicators: one sentence naming each figure
 * with live indicator nodes (and its change when last year's figure is known), plus an indicator
 * table when there are three or more. A figure that is part of the one before it follows with
 * 其中 (新投产企业12家，其中高新技术企业2户). The department then writes around it.
 */
import * as Y from 'yjs'
import type { IndicatorData } from '../../shared/indicators/types.js'

const indicatorNode = (key: string, show: 'value' | 'change'): Y.XmlElement => {
  const node = new Y.XmlElement('indicator')
  node.setAttribute('key', key)
  node.setAttribute('show', show)
  return node
}

export const seedSectionBody = (
  fragment: Y.XmlFragment,
  keys: readonly string[],
  figures: Readonly<Record<string, IndicatorData>>,
  parents: ReadonlyMap<string, string> = new Map(),
  /** 全年 (or 上半年, for a 半年总结): how the sentence begins. */
  lead = '全年',
): void => {
  const known = keys.filter((key) => figures[key])
  if (known.length === 0) return
  // One XmlText per run of text between figures, as the editor itself writes them.
  const children: Array<Y.XmlText | Y.XmlElement> = []
  let pending = lead
  const addFigure = (key: string, show: 'value' | 'change') => {
    children.push(new Y.XmlText(pending), indicatorNode(key, show))
    pending = ''
  }
  known.forEach((key, index) => {
    const figure = figures[key]!
    const separator = index === 0 ? '' : parents.get(key) === known[index - 1] ? '，其中' : '；'
    pending += separator + figure.label
    addFigure(key, 'value')
    if (figure.previous === null) return
    pending += '，'
    addFigure(key, 'change')
  })
  children.push(new Y.XmlText(pending + '。'))
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, children)
  fragment.insert(fragment.length, [paragraph])
  if (known.length >= 3) {
    const table = new Y.XmlElement('indicatorTable')
    table.setAttribute('keys', known.join(','))
    fragment.insert(fragment.length, [table])
  }
}
