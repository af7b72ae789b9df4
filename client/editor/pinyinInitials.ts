/** Pinyin initials of a Chinese label for quick filtering: pinyinInitials('协议资金') === 'xyzj'. */
import { pinyin } from 'pinyin-pro'

const cache = new Map<string, string>()

export const pinyinInitials = (label: string): string => {
  let initials = cache.get(label)
  if (initials === undefined) {
    initials = pinyin(label, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
    cache.set(label, initials)
  }
  return initials
}

/** Whether an indicator matches what the writer typed: label, key or pinyin initials. */
export const matchesIndicator = (query: string, key: string, label: string): boolean => {
  const needle = query.trim().toLowerCase()
  if (needle === '') return true
  return label.includes(query.trim()) || key.toLowerCase().includes(needle) || pinyinInitials(label).includes(needle)
}
