/**
 * Pinyin initials of a Chinese label for quick filtering: '协议资金' matches 'xyzj'. The pinyin
 * dictionary is a third of the summary page's code, and only the figure picker uses it, so it is
 * loaded when a picker first opens (loadPinyin); until then, and if it cannot be loaded, figures
 * match by label and key alone.
 */
import { shallowRef } from 'vue'

type Pinyin = (typeof import('pinyin-pro'))['pinyin']

/** Reactive: a picker's matches are worked out again once the dictionary has arrived. */
const pinyin = shallowRef<Pinyin | null>(null)
let loading: Promise<void> | null = null
const cache = new Map<string, string>()

export const loadPinyin = (): Promise<void> =>
  (loading ??= import('pinyin-pro').then(
    (module) => void (pinyin.value = module.pinyin),
    (error: unknown) => {
      loading = null // the next picker tries again
      console.warn('拼音检索暂不可用', error)
    },
  ))

const pinyinInitials = (label: string, convert: Pinyin): string => {
  let initials = cache.get(label)
  if (initials === undefined) {
    initials = convert(label, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
    cache.set(label, initials)
  }
  return initials
}

/** Whether an indicator matches what the writer typed: label, key or (once loaded) pinyin initials. */
export const matchesIndicator = (query: string, key: string, label: string): boolean => {
  const needle = query.trim().toLowerCase()
  if (needle === '') return true
  if (label.includes(query.trim()) || key.toLowerCase().includes(needle)) return true
  const convert = pinyin.value
  return convert !== null && pinyinInitials(label, convert).includes(needle)
}
