/**
 * Misused words that recur in year-end summaries and that an official document must not print:
 * 布署 for 部署, 台帐 for 台账, 截止目前 for 截至目前, 再接再励 for 再接再厉, a 0 among Chinese
 * numerals (二0二六年 for 二〇二六年), and 一是、二是、四是 — a point dropped or added, the rest
 * left unnumbered again (四是 for 三是). Only corrections that hold wherever the wrong form appears
 * are listed; a word that is right in some phrases (既使, 按排, 其它) is left to people.
 * Numbered abbreviations of policy (“十五五”, “三会一课”, “四个意识”) are printed in quotation
 * marks in official writing; one typed bare is a slip too, fixed by quoting it — unless it
 * already stands inside quotation marks or a 《title》 on its line.
 * Slips have the shape of punctuation slips, so the same lists show them and the same fix
 * applies them.
 */
import { charAt, matchAllAfter } from './lookbehind.js'
import type { PunctuationSlip } from './punctuation.js'

/** [wrong, right]: the wrong form is never right in a summary. */
const WORDS: ReadonlyArray<readonly [string, string]> = [
  ['布署', '部署'],
  ['台帐', '台账'],
  ['帐户', '账户'],
  ['帐目', '账目'],
  ['报帐', '报账'],
  ['部份', '部分'],
  ['做为', '作为'],
  ['必竟', '毕竟'],
  ['坐谈会', '座谈会'],
  ['明查暗访', '明察暗访'],
  ['再接再励', '再接再厉'],
  ['迫不急待', '迫不及待'],
  ['一愁莫展', '一筹莫展'],
  ['按步就班', '按部就班'],
  ['一股作气', '一鼓作气'],
  ['走头无路', '走投无路'],
  ['墨守陈规', '墨守成规'],
  ['默守成规', '墨守成规'],
  ['出奇不意', '出其不意'],
  ['松驰', '松弛'],
  ['针贬', '针砭'],
  ['反应问题', '反映问题'],
  ['反应情况', '反映情况'],
  ['反应诉求', '反映诉求'],
  ['截止目前', '截至目前'],
  ['截止到', '截至'],
]

/** Numbered abbreviations that official writing always quotes, three characters or more: they mean nothing else. */
const QUOTED_TERMS: readonly string[] = ['十三五', '十四五', '十五五', '三会一课', '两学一做', '三重一大', '一岗双责', '四个意识', '四个自信', '两个维护', '两个确立', '四个全面', '五位一体', '一带一路', '放管服', '四下基层', '最多跑一次']
/**
 * Two-character ones, as patterns: only where they can be nothing else (四风险, 四风机 and 四风电 are
 * other words; 三农 only before what it governs: 三农工作, not 三农户; 三公 only in “三公”经费, 两新
 * in “两新”组织). Never after a numeral or 第 (第四风…, 十四风…: isSlip).
 */
const SHORT_TERMS: readonly string[] = ['四风(?![险味格光景貌口向机电力车扇速])', '六稳', '六保', '双碳', '三农(?=工作|问题|领域|政策|发展)', '三公(?=经费)', '两新(?=组织)']

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const CHINESE_DIGITS = '一二三四五六七八九十〇'

const PATTERN = new RegExp(
  [
    `(?<word>${WORDS.map(([wrong]) => escape(wrong)).join('|')})`,
    `(?<term>${QUOTED_TERMS.join('|')})`,
    `(?<short>${SHORT_TERMS.join('|')})`,
    // 截止 before a time is 截至 (截至11月底); 截止日期, 截止时间 stay.
    `(?<until>截止(?=\\d{1,4}[年月日]|[${CHINESE_DIGITS}]+月|年底|年末|月底|今年|本月|去年|上半年|前三季度))`,
    // A Latin 0/O among Chinese numerals: 二0二六年 (where, checked in isSlip: lookbehind.ts).
    `(?<zero>[0OoＯ０])`,
  ].join('|'),
  'gu',
)
const CHINESE_DIGIT = new RegExp(`^[${CHINESE_DIGITS}]$`)
/** Inside “…” or 《…》 already, on its line (a straight quote is the punctuation check's slip). */
const quoted = (text: string, index: number, before: string): boolean => {
  if (before !== '' && '"\'‘'.includes(before)) return true
  const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index)
  return line.lastIndexOf('“') > line.lastIndexOf('”') || line.lastIndexOf('《') > line.lastIndexOf('》')
}
/** 十四五个 is fourteen or fifteen of something, 二十四五 twenty-four or -five: numbers, not a plan. */
const MEASURE = '个人家天次名年件项万亿千百位户元岁场台条处所周月日倍'
const aNumber = (term: string, before: string, after: string): boolean => /^十.五$/.test(term) && (CHINESE_DIGIT.test(before) || (after !== '' && MEASURE.includes(after)))
const isSlip = (match: RegExpExecArray, before: string): boolean => {
  const { zero, term, short } = match.groups!
  const after = charAt(match.input, match.index + match[0].length)
  if (term) return !quoted(match.input, match.index, before) && !aNumber(term, before, after)
  if (short) return !quoted(match.input, match.index, before) && before !== '第' && !CHINESE_DIGIT.test(before)
  return !zero || CHINESE_DIGIT.test(before) || CHINESE_DIGIT.test(after)
}

const RIGHT = new Map(WORDS)

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** 一是 … 十是 where a point starts: at the start of a line or after a mark (startsPoint), not inside a word (唯一是, 统一是). */
const ORDINAL = new RegExp(`(${ORDINALS.join('|')})是`, 'gu')
const startsPoint = (_: RegExpExecArray, before: string): boolean => before === '' || '\n。；;：:，,、！？!?　“（('.includes(before)

/**
 * Points numbered 一是、二是… out of turn: each 一是 starts a run, and every later ordinal should
 * be the next one (一是、二是、四是: 四是 should be 三是; 二是 twice: the second is 三是). A run
 * that does not start with 一是 (quoted from elsewhere) is left alone.
 */
export const findOrdinalSlips = (text: string): PunctuationSlip[] => {
  const slips: PunctuationSlip[] = []
  let expected = -1
  for (const match of matchAllAfter(text, ORDINAL, startsPoint)) {
    const number = ORDINALS.indexOf(match[1]!)
    if (number === 0) expected = 1
    else if (expected > 0) {
      if (number !== expected && expected < ORDINALS.length) slips.push({ index: match.index!, found: match[0], fix: `${ORDINALS[expected]}是` })
      expected += 1
    }
  }
  return slips
}

/** The misused words of a text (not the ordinals, whose runs span paragraphs), in order. */
export const findMisusedWords = (text: string): PunctuationSlip[] =>
  matchAllAfter(text, PATTERN, isSlip).map((match) => {
    const { word, term, short, until } = match.groups!
    const quotedTerm = term ?? short
    const fix = word ? RIGHT.get(word)! : quotedTerm ? `“${quotedTerm}”` : until ? '截至' : '〇'
    return { index: match.index!, found: match[0], fix }
  })

/** Every misused word and ordinal out of turn in a text (a section's, paragraphs on lines), in order. */
export const findWordingSlips = (text: string): PunctuationSlip[] => [...findMisusedWords(text), ...findOrdinalSlips(text)].sort((a, b) => a.index - b.index)

/** 用词：“布署”应为“部署”; “四是”应为“三是”（序号不连续）; 十五五应加引号. */
export const describeWordingSlip = ({ found, fix }: PunctuationSlip): string =>
  fix === `“${found}”` ? `${found}应加引号` : `“${found}”应为“${fix}”${/^[一二三四五六七八九十]是$/.test(found) ? '（序号不连续）' : ''}`
