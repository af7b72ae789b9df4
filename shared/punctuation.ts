/**
 * Punctuation slips that an official document (公文) must not print: half-width , ; : ? ! . ( ) "
 * inside Chinese text (pasted from an English keyboard or a spreadsheet), doubled marks (，，),
 * spaces between Chinese characters (copied out of a PDF), full-width digits (２０２６年, typed with
 * the input method in full-width mode: GB/T 15835 writes Arabic numerals half-width) and a
 * paragraph numbered 1、 by hand (GB/T 9704's third level is 1.). Each slip comes with its
 * correction, so the same reading lists them (请核对) and fixes them (“一键修正”).
 *
 * Only what is next to Chinese is touched: 3,000 and 5.2 and 8:30 and www.gov.cn stay as typed.
 * A figure (an indicator node) prints Chinese (5.2亿元, 同比增长15.0%), so callers pass it as
 * FIGURE_MARK and it counts as Chinese here.
 */

import { charAt, matchAllAfter } from './lookbehind.js'

/** Stands for a figure node in the text read here; one character, so offsets stay positions. */
export const FIGURE_MARK = '\uFFFC'

export interface PunctuationSlip {
  /** Offset of the slip in the text. */
  index: number
  /** What was typed, e.g. `,` or `(一)`. */
  found: string
  /** What it should be, e.g. `，` or `（一）`; '' to delete. */
  fix: string
}

const CJK = `\\p{Script=Han}${FIGURE_MARK}`
const HALF_TO_FULL: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' }

// One alternation, so slips never overlap; the first alternative that matches at a place wins.
// What must stand before a slip is checked in `standsWhere` (Safari before 16.4 cannot parse a
// pattern that looks behind: lookbehind.ts).
const SLIP_PATTERN = new RegExp(
  [
    // After Chinese, or before it (standsWhere); 。。。 anywhere.
    `(?<ellipsis>\\.{3,}|。{3,})`,
    `(?<paren>\\((?<parenText>[^()\\n]{1,60})\\))`,
    `(?<quote>"(?<quoteText>[^"\\n]{1,80})")`,
    // A mark after Chinese (or after 15%, ）, ”, 》), or before Chinese; `.` never inside a number.
    `(?<mark>[,;:?!.])`,
    `(?<double>，{2,}|；{2,}|、{2,}|：{2,}|。{2}|！{2,}|？{2,})`,
    // Between Chinese characters.
    `(?<space>[ \\u3000\\u00a0]+(?=[${CJK}]))`,
    `(?<fullwidth>[０-９][０-９．]*％?)`,
    // 3-5名, 1-11月, 10%-15%: a range of numbers joined by a hyphen or a tilde, before Chinese.
    `(?<range>(?<rangeFrom>\\d{1,4}(?:\\.\\d+)?%?)[-－~](?<rangeTo>\\d{1,4}(?:\\.\\d+)?%?)(?=[${CJK}，。；、：）\\n]|$))`,
    // At a paragraph's start only: 1、2、 inside a sentence lists, as in 1、2月份.
    `(?<numbering>\\d{1,2}、(?!\\d))`,
  ].join('|'),
  'gu',
)

const CHINESE = new RegExp(`^[${CJK}]$`, 'u')
const BEFORE_MARK = new RegExp(`^[${CJK}%）”》]$`, 'u')

/** Whether a match of SLIP_PATTERN stands where it is a slip, as far as its neighbours tell. */
const standsWhere = (match: RegExpExecArray, before: string): boolean => {
  const { ellipsis, mark, space, numbering, range } = match.groups!
  const after = charAt(match.input, match.index + match[0].length)
  if (ellipsis?.startsWith('.')) return CHINESE.test(before) || CHINESE.test(after)
  if (mark) return (BEFORE_MARK.test(before) && !/^[\d.]$/.test(after)) || (mark !== '.' && CHINESE.test(after))
  if (space) return CHINESE.test(before)
  if (numbering) return before === '' || before === '\n'
  // Rising, and not a standard's number (GB/T 9704-2012), a date (2026-12-01), a time, a code
  // (A3-5), a table or figure's number (表3-1, 附件1-2) or an address (3-1号, 1-2栋, 12-19路).
  if (range) {
    const { rangeFrom, rangeTo } = match.groups!
    return parseFloat(rangeFrom!) < parseFloat(rangeTo!) && !/^[\w.\-－/:：~ 表图件栋室楼]$/.test(before) && !/^[号栋室楼路]$/.test(after)
  }
  return true
}

/**
 * GB/T 15834 joins the ends of a span of time with 一字线 (2026—2027年, 1—11月, 1—3季度, 3—5日) and of a
 * range of values with 浪纹线 (3～5名, 1～2个月, 10%～15%).
 */
const spansTime = (from: string, to: string, unit: string): boolean => {
  const [a, b] = [Number(from), Number(to)]
  if (/^(19|20)\d\d$/.test(from) && /^(19|20)\d\d$/.test(to)) return true
  if (!Number.isInteger(a) || !Number.isInteger(b)) return false
  return (unit === '月' && b <= 12) || (unit === '季' && b <= 4) || (unit === '日' && b <= 31)
}

const hasChinese = (text: string): boolean => new RegExp(`[${CJK}]`, 'u').test(text)

const fixOf = (match: RegExpMatchArray, text: string): string | null => {
  const groups = match.groups!
  const index = match.index!
  if (groups.ellipsis) return '……'
  if (groups.paren) {
    const inside = groups.parenText!
    // (一) (含下属单位) or 园区(2026): Chinese inside or right before; (1) in English text stays.
    return hasChinese(inside) || hasChinese(text.slice(Math.max(0, index - 1), index)) ? `（${inside}）` : null
  }
  if (groups.quote) return hasChinese(groups.quoteText!) ? `“${groups.quoteText}”` : null
  if (groups.mark) return HALF_TO_FULL[groups.mark]!
  if (groups.double) return groups.double[0]!
  if (groups.space) return ''
  if (groups.fullwidth) return [...groups.fullwidth].map((char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).join('')
  if (groups.numbering) return `${groups.numbering.slice(0, -1)}.`
  if (groups.range) return `${groups.rangeFrom}${spansTime(groups.rangeFrom!, groups.rangeTo!, text.charAt(index + groups.range.length)) ? '—' : '～'}${groups.rangeTo}`
  return null
}

/** Full-width marks that come in pairs, opening → closing. */
const PAIRS: Readonly<Record<string, string>> = { '“': '”', '（': '）', '《': '》' }
const PAIR_NAMES: Readonly<Record<string, string>> = { '“': '引号', '（': '括号', '《': '书名号' }
const OPENING_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PAIRS).map(([open, close]) => [close, open]))

/**
 * Paired marks left open or closed without opening, line by line (开展“精准招商活动，): a slip
 * with nothing to fix by itself (`fix` is what was found), for the writer to close by hand.
 */
const findUnpairedMarks = (text: string): PunctuationSlip[] => {
  const slips: PunctuationSlip[] = []
  let open: Array<{ mark: string; index: number }> = []
  const closeLine = () => {
    for (const { mark, index } of open) slips.push({ index, found: mark, fix: mark })
    open = []
  }
  // By UTF-16 offset, as every slip's index is (the marks are single code units).
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char === '\n') closeLine()
    else if (PAIRS[char]) open.push({ mark: char, index })
    else if (OPENING_OF[char]) {
      if (open.at(-1)?.mark === OPENING_OF[char]) open.pop()
      else slips.push({ index, found: char, fix: char })
    }
  }
  closeLine()
  return slips
}

/** Every slip in a text, in order. */
export const findPunctuationSlips = (text: string): PunctuationSlip[] => {
  const slips: PunctuationSlip[] = []
  for (const match of matchAllAfter(text, SLIP_PATTERN, standsWhere)) {
    const fix = fixOf(match, text)
    if (fix !== null && fix !== match[0]) slips.push({ index: match.index!, found: match[0], fix })
  }
  return [...slips, ...findUnpairedMarks(text)].sort((a, b) => a.index - b.index)
}

/** How a slip reads in a list: “,”应为“，”, 半角括号()应为（）, 汉字间多余的空格. */
export const describeSlip = ({ found, fix }: PunctuationSlip): string => {
  if (found === fix && PAIRS[found]) return `${PAIR_NAMES[found]}${found}…${PAIRS[found]}没有结束`
  if (found === fix && OPENING_OF[found]) return `多出的后${PAIR_NAMES[OPENING_OF[found]]}${found}`
  if (fix === '') return '汉字间多余的空格'
  if (fix === '……') return `省略号应为“……”`
  if (found.startsWith('(')) return '半角括号()应为（）'
  if (/^[０-９]/.test(found)) return `全角数字“${found}”应为“${fix}”`
  if (found.endsWith('、')) return `序号“${found}”应为“${fix}”`
  if (found.startsWith('"')) return '直引号""应为“”'
  if (found === fix.repeat(found.length)) return `重复的“${fix}”`
  if (/^[\d.%]+[-－~]/.test(found)) return `${fix.includes('—') ? '时间' : '数值'}范围“${found}”应为“${fix}”`
  return `“${found}”应为“${fix}”`
}
