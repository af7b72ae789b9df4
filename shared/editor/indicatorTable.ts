/**
 * The `indicatorTable` block: a table of several figures (指标 | 本年 | 上年 | 同比 | 目标 |
 * 完成率). Its `keys` attribute is a comma-separated list of indicator keys. Schema only.
 */
import { mergeAttributes, Node } from '@tiptap/core'

export const parseTableKeys = (keys: unknown): string[] =>
  typeof keys === 'string' ? keys.split(',').map((key) => key.trim()).filter(Boolean) : []

export const IndicatorTable = Node.create({
  name: 'indicatorTable',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      keys: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-keys') ?? '',
        renderHTML: (attributes) => ({ 'data-keys': attributes.keys as string }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-indicator-table]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-indicator-table': '', class: 'indicator-table' }, HTMLAttributes)]
  },

  renderText({ node }) {
    return `【指标表：${node.attrs.keys as string}】`
  },
})
