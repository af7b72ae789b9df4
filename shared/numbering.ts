/**
 * Derives the GB/T 9704 heading numbers (一、 （一） 1. （1）) from outline order and level.
 * Numbering is never stored in the text: the UI and every export call this one function.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** chineseNumeral(1) === '一', chineseNumeral(12) === '十二', chineseNumeral(105) === '一百零五' */
export const chineseNumeral = (value: number): string => {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value)
  if (value < 10) return DIGITS[value]!
  if (value < 20) return '十' + (value % 10 === 0 ? '' : DIGITS[value % 10])
  const units = ['', '十', '百', '千']
  const digits = String(value).split('').map(Number)
  let text = ''
  let pendingZero = false
  digits.forEach((digit, index) => {
    const unit = units[digits.length - 1 - index]!
    if (digit === 0) {
      pendingZero = text !== ''
      return
    }
    if (pendingZero) text += '零'
    pendingZero = false
    text += DIGITS[digit] + unit
  })
  return text
}

/**
 * A heading marker typed in front of a title — 一、 （一） (一) 1. 1、 （1） 第一部分 — as pasted
 * from last year's Word file: numbering is derived, so a typed one would print twice.
 */
const TYPED_NUMBER = /^\s*(?:第[一二三四五六七八九十]+[部章节][分]?[、．.：:\s]*|[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)][、．.]?|\d+\s*(?:[、．]|\.(?!\d)))\s*/

/** The title without a typed heading marker: `一、主要工作` → `主要工作`; `一季度…` stays. */
export const stripTypedNumber = (title: string): string => title.replace(TYPED_NUMBER, '').trim()

/** The marker of the `ordinal`-th (1-based) heading at `level` (1–4). */
export const formatHeadingNumber = (level: number, ordinal: number): string => {
  switch (level) {
    case 1:
      return `${chineseNumeral(ordinal)}、`
    case 2:
      return `（${chineseNumeral(ordinal)}）`
    case 3:
      return `${ordinal}.`
    default:
      return `（${ordinal}）`
  }
}

/**
 * Numbers for headings given in document order by their levels.
 * deriveNumbering([1, 2, 2, 1]) → ['一、', '（一）', '（二）', '二、']
 * A deeper level restarts at 1 after every shallower heading; a skipped level is numbered as
 * if it were present (a level-3 heading right under a level-1 heading is "1.").
 */
export const deriveNumbering = (levels: readonly number[]): string[] => {
  const counters = [0, 0, 0, 0, 0]
  return levels.map((rawLevel) => {
    const level = Math.min(4, Math.max(1, Math.trunc(rawLevel)))
    counters[level]! += 1
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0
    return formatHeadingNumber(level, counters[level]!)
  })
}

/** A section as numbering sees it: a lead (导语, before 一、) has no number and counts for nothing. */
export interface NumberedSection {
  level: number
  lead?: boolean
}

/** The numbers of an outline's sections in order: '' for a lead, deriveNumbering for the others. */
export const numberOutline = (sections: readonly NumberedSection[]): string[] => {
  const numbers = deriveNumbering(sections.filter((section) => !section.lead).map((section) => section.level))
  let next = 0
  return sections.map((section) => (section.lead ? '' : numbers[next++]!))
}

/** How many headings below the one at `index` belong to it (the deeper ones that follow it). */
export const countSubsections = (levels: readonly number[], index: number): number => {
  const end = levels.findIndex((level, at) => at > index && level <= levels[index]!)
  return (end === -1 ? levels.length : end) - index - 1
}
