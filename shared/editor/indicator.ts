/**
 * The `indicator` node: an inline atom showing one figure of the summary's data (attrs `key`,
 * `show`: value | change | completion). Schema only; the client adds a Vue node view that shows
 * the formatted figure, exports format it through shared/indicators.
 */
import { mergeAttributes, Node } from '@tiptap/core'
import { INDICATOR_SHOWS, type IndicatorShow } from '../indicators/types.js'

const readShow = (value: string | null): IndicatorShow => (INDICATOR_SHOWS.includes(value as IndicatorShow) ? (value as IndicatorShow) : 'value')

export const Indicator = Node.create({
  name: 'indicator',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-indicator-key') ?? '',
        renderHTML: (attributes) => ({ 'data-indicator-key': attributes.key as string }),
      },
      show: {
        default: 'value',
        parseHTML: (element) => readShow(element.getAttribute('data-show')),
        renderHTML: (attributes) => ({ 'data-show': attributes.show as string }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-indicator-key]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'indicator' }, HTMLAttributes)]
  },

  renderText({ node }) {
    return `【指标：${node.attrs.key as string}】`
  },
})
