/**
 * Personal information typed into a summary: mobile numbers and 居民身份证号码. A summary goes up
 * to the next level and is often published (政府信息公开); a 帮扶 case written with the worker's
 * phone number, or a list of recipients with their ID numbers, must not leave the office as it is
 * (个人信息保护法). Found in the typed text, shown masked (the check must not spread it further).
 * Office numbers (0571-8888xxxx) are not personal and are not found.
 */
import { listFirst } from './listFirst.js'
import { matchAllAfter } from './lookbehind.js'

export type PersonalKind = 'mobile' | 'id-card'

export interface PersonalItem {
  kind: PersonalKind
  /** As shown in a check: 138****5678, 3301**********1234. */
  masked: string
}

const PERSONAL_LABELS: Record<PersonalKind, string> = { mobile: '手机号码', 'id-card': '身份证号' }

/**
 * 138 1234 5678, 138-1234-5678 and 13812345678; not inside a longer run of digits or a code
 * (A13812345678), nor a count or sum written out in digits (15000000000元). What may not stand
 * before it (a digit, letter or point) is checked apart, as lookbehind.ts explains.
 */
const MOBILE = /1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![\dA-Za-z.元万亿个件人次吨亩户家名项台套株])/g
/** 18 characters: area, birth date (19xx/20xx, a real month and day), sequence, check character; not after a digit or letter (checked apart). */
const ID_CARD = /[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g

/** Just before a number: it is a line for the public (热线, 举报电话, 客服), not a person's phone. */
const PUBLIC_LINE = /热线|(?:服务|投诉|举报|咨询|求助|监督)电话|客服/

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'

/** GB 11643: the last character is a checksum of the first 17 (which tells an ID from any 18 digits). */
const validIdCard = (id: string): boolean => {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0)
  return CHECK_CHARACTERS[sum % 11] === id[17]!.toUpperCase()
}

const mask = (text: string, keepStart: number, keepEnd: number): string =>
  `${text.slice(0, keepStart)}${'*'.repeat(text.length - keepStart - keepEnd)}${text.slice(text.length - keepEnd)}`

/** Each mobile number and ID number of a text, where it stands and as masked. */
const locate = (text: string): Array<PersonalItem & { at: number; length: number }> => {
  const found: Array<PersonalItem & { at: number; length: number }> = []
  for (const match of matchAllAfter(text, ID_CARD, (_, before) => !/[\dA-Za-z]/.test(before))) {
    if (validIdCard(match[0])) found.push({ kind: 'id-card', masked: mask(match[0], 4, 4), at: match.index, length: match[0].length })
  }
  for (const match of matchAllAfter(text, MOBILE, (_, before) => !/[\dA-Za-z.]/.test(before))) {
    // A number published for the public to call (服务热线, 举报电话) is not a person's.
    if (PUBLIC_LINE.test(text.slice(Math.max(0, match.index - 8), match.index))) continue
    found.push({ kind: 'mobile', masked: mask(match[0].replace(/[- ]/g, ''), 3, 4), at: match.index, length: match[0].length })
  }
  return found.sort((a, b) => a.at - b.at)
}

/** The text with every mobile and ID number in it masked (公开版). */
export const maskPersonalInfo = (text: string): string => {
  let out = ''
  let from = 0
  for (const { at, length, masked } of locate(text)) {
    out += text.slice(from, at) + masked
    from = at + length
  }
  return out + text.slice(from)
}

export const findPersonalInfo = (text: string): PersonalItem[] => locate(text).map(({ kind, masked }) => ({ kind, masked }))

/** What the writer is asked to do about them, wherever they are pointed out. */
export const PERSONAL_ADVICE = '对外报送或公开前请确认是否删除或隐去'

/** 手机号码 138****5678. */
export const describePersonalItem = (item: PersonalItem): string => `${PERSONAL_LABELS[item.kind]} ${item.masked}`

/** 手机号码 138****5678、身份证号 3301**********1234 (the first few; how many in all). */
export const describePersonalInfo = (items: readonly PersonalItem[], shown = 3): string => listFirst(items.map(describePersonalItem), shown, '处')
