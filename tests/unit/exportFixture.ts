/** A small summary doc built in the open for export and preflight tests. */
import * as Y from 'yjs'
import { getComments } from '../../shared/doc/comments.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import type { Template } from '../../shared/schema/template.js'
import { buildSummaryDoc } from '../../server/summary/buildSummaryDoc.js'

export const template: Template = {
  id: 'mini',
  title: '{organisation}{year}年度工作总结',
  departments: ['办公室', '招商部'],
  sections: [
    { id: 'work', title: '主要工作', department: '办公室', children: [{ id: 'invest', title: '招商引资成效显著', department: '招商部', children: [{ id: 'channels', title: '拓宽渠道', department: '招商部', children: [{ id: 'fairs', title: '参加展会', department: '招商部' }] }] }] },
    { id: 'problems', title: '存在的问题', department: '办公室' },
  ],
  indicators: [
    { key: 'agreed_funds', label: '协议资金', unit: '亿元', department: '招商部', precision: 1 },
    { key: 'arrived_funds', label: '到位资金', unit: '亿元', department: '招商部', precision: 1 },
  ],
}

/** One XmlText of runs, e.g. text('a', ['b', { bold: {} }]), as the editor writes a paragraph's text. */
const text = (...runs: Array<string | [string, Record<string, unknown>]>) => {
  const node = new Y.XmlText()
  node.applyDelta(runs.map((run) => (typeof run === 'string' ? { insert: run } : { insert: run[0], attributes: run[1] })))
  return node
}

const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes: Record<string, string> = {}) => {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value)
  node.insert(0, children)
  return node
}

export const buildFixture = (): Y.Doc => {
  const doc = buildSummaryDoc(template, { title: '青山园区2026年度工作总结', year: 2026, organisation: '青山园区管委会', templateId: 'mini' }, new Map([['办公室', 'd1'], ['招商部', 'd2']]), {
    agreed_funds: { value: 4.8, previous: 4, target: 4.5 },
  })
  doc.transact(() => {
    doc.getXmlFragment(sectionRoot('work')).insert(0, [element('paragraph', [text('全年围绕中心工作，', ['成效明显', { bold: {} }], '。')])])
    doc.getXmlFragment(sectionRoot('invest')).insert(0, [
      element('paragraph', [text('全年协议资金'), element('indicator', [], { key: 'agreed_funds', show: 'value' }), text('，'), element('indicator', [], { key: 'agreed_funds', show: 'change' }), text('；到位资金'), element('indicator', [], { key: 'arrived_funds', show: 'value' }), text('。')]),
      element('bulletList', [element('listItem', [element('paragraph', [text('引进项目<script>alert(1)</script>')])]), element('listItem', [element('paragraph', [text('20**年计划')])])]),
      element('indicatorTable', [], { keys: 'agreed_funds' }),
    ])
    doc.getXmlFragment(sectionRoot('fairs')).insert(0, [element('paragraph', [text('参加xx博览会□')])])
    const thread = new Y.Map<unknown>()
    getComments(doc).set('t1', thread)
    for (const [key, value] of Object.entries({ sectionId: 'invest', anchorStart: '', anchorEnd: '', quote: '协议资金', authorId: 'u', authorName: '王主任', text: '评论不应出现在导出中', createdAt: 1, resolved: false, resolvedBy: null })) thread.set(key, value)
    thread.set('replies', new Y.Array())
  })
  return doc
}
