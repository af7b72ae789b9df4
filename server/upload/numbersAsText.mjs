// Word's automatic numbering written out as text. A heading numbered by a Word/WPS list (一、
// （一） 1. as a multilevel list, not typed) carries its number only in numbering.xml: mammoth's
// raw text leaves it out, and 从 Word 生成模板 or 往年总结 would find no heading at all. So each
// numbered paragraph gets its label as it prints (一、 （二） 3.) as a run of text of its own, and
// mammoth reads the file as a reader sees it. Bullets stay out (they are not numbers); a file
// whose parts cannot be read so is left as it was.
// Plain JavaScript: the worker thread that reads Word files (docxTextWorker.mjs) runs it.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const attribute = (xml, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1]
const child = (xml, tag) => new RegExp(`<${tag}\\b([^>]*?)/?>`).exec(xml)?.[1] ?? null
const childValue = (xml, tag) => {
  const attributes = child(xml, tag)
  return attributes === null ? undefined : attribute(attributes, 'w:val')
}
const blocks = (xml, tag) => xml.match(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g')) ?? []

/** numbering.xml: each list (w:num) as its levels' formats, starts and texts. */
const readLists = (xml) => {
  const abstracts = new Map()
  for (const abstract of blocks(xml, 'w:abstractNum')) {
    const levels = new Map()
    for (const level of blocks(abstract, 'w:lvl')) {
      levels.set(Number(attribute(level, 'w:ilvl') ?? 0), {
        start: Number(childValue(level, 'w:start') ?? 1),
        format: childValue(level, 'w:numFmt') ?? 'decimal',
        text: childValue(level, 'w:lvlText') ?? '',
        style: childValue(level, 'w:pStyle'),
        suffix: childValue(level, 'w:suff') ?? 'tab',
      })
    }
    abstracts.set(attribute(abstract, 'w:abstractNumId'), levels)
  }
  const lists = new Map()
  for (const num of blocks(xml, 'w:num')) {
    const levels = abstracts.get(childValue(num, 'w:abstractNumId'))
    if (!levels) continue
    const starts = new Map()
    for (const override of blocks(num, 'w:lvlOverride')) {
      const start = childValue(override, 'w:startOverride')
      if (start !== undefined) starts.set(Number(attribute(override, 'w:ilvl') ?? 0), Number(start))
    }
    lists.set(attribute(num, 'w:numId'), { levels, starts })
  }
  return lists
}

/** styles.xml: the numbering a paragraph style brings (标题 1 tied to a list), following basedOn. */
const readStyleNumbering = (xml, lists) => {
  const styles = new Map()
  for (const style of blocks(xml, 'w:style')) {
    const numbering = blocks(style, 'w:numPr')[0]
    styles.set(attribute(style, 'w:styleId'), {
      basedOn: childValue(style, 'w:basedOn'),
      numId: numbering ? childValue(numbering, 'w:numId') : undefined,
      level: numbering ? childValue(numbering, 'w:ilvl') : undefined,
    })
  }
  return (styleId) => {
    for (let id = styleId, depth = 0; id !== undefined && depth < 10; id = styles.get(id)?.basedOn, depth++) {
      const style = styles.get(id)
      if (!style || style.numId === undefined) continue
      // A style tied to a level of its list names that level there rather than in its own numPr.
      const list = lists.get(style.numId)
      const tied = list ? [...list.levels].find(([, level]) => level.style === styleId)?.[0] : undefined
      return { numId: style.numId, level: style.level !== undefined ? Number(style.level) : (tied ?? 0) }
    }
    return null
  }
}

const CHINESE_DIGITS = '〇一二三四五六七八九'
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting prints them). */
const chineseCounting = (n) => {
  if (n < 10) return CHINESE_DIGITS[n]
  if (n < 20) return `十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`
  if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`
  return String(n)
}
const ROMAN = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
const roman = (n) => ROMAN.reduce((out, [value, letters]) => { while (n >= value) { out += letters; n -= value } return out }, '')
const letter = (n) => String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1)

const formatNumber = (n, format) => {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'ideographDigital': case 'japaneseCounting': case 'taiwaneseCounting':
      return chineseCounting(n)
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'upperRoman': return roman(n)
    case 'lowerRoman': return roman(n).toLowerCase()
    case 'upperLetter': return letter(n)
    case 'lowerLetter': return letter(n).toLowerCase()
    case 'decimalZero': return String(n).padStart(2, '0')
    case 'none': return ''
    default: return String(n)
  }
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The end of the w:pPr that opens at `from`, a nested one (a tracked change's w:pPrChange) included. */
const propertiesEnd = (xml, from) => {
  let depth = 0
  const tags = /<(\/?)w:pPr\b[^>]*?(\/?)>/g
  tags.lastIndex = from
  for (let tag = tags.exec(xml); tag; tag = tags.exec(xml)) {
    if (tag[2]) continue
    depth += tag[1] ? -1 : 1
    if (depth === 0) return tag.index + tag[0].length
  }
  return -1
}

/** document.xml with every numbered paragraph's label written in front of its text; null when none is numbered. */
const writeLabels = (xml, lists, styleNumbering) => {
  const counters = new Map()
  const opening = /<w:p(?=[\s>/])[^>]*>/g
  let out = ''
  let copied = 0
  for (let match = opening.exec(xml); match; match = opening.exec(xml)) {
    if (match[0].endsWith('/>')) continue
    const afterOpening = match.index + match[0].length
    const hasProperties = /^\s*<w:pPr\b/.test(xml.slice(afterOpening, afterOpening + 64))
    const end = hasProperties ? propertiesEnd(xml, afterOpening) : afterOpening
    if (end < 0) continue
    const properties = xml.slice(afterOpening, end)
    const own = blocks(properties.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, ''), 'w:numPr')[0]
    const numbering = own
      ? { numId: childValue(own, 'w:numId'), level: Number(childValue(own, 'w:ilvl') ?? 0) }
      : styleNumbering(childValue(properties, 'w:pStyle'))
    const list = numbering && lists.get(numbering.numId)
    const level = list?.levels.get(numbering.level)
    if (!list || !level || level.format === 'bullet') continue
    const counts = counters.get(numbering.numId) ?? []
    counters.set(numbering.numId, counts)
    const startOf = (index) => list.starts.get(index) ?? list.levels.get(index)?.start ?? 1
    counts[numbering.level] = counts[numbering.level] === undefined ? startOf(numbering.level) : counts[numbering.level] + 1
    counts.length = numbering.level + 1 // the levels under it start again
    const label = level.text.replace(/%([1-9])/g, (_, digit) => {
      const index = Number(digit) - 1
      return formatNumber(counts[index] ?? startOf(index), list.levels.get(index)?.format ?? 'decimal')
    }) + (level.suffix === 'space' ? ' ' : '')
    // Numbered and typed both (一、 typed after Word's own 一、): the number once.
    const firstText = /<w:t(?:\s[^>]*)?>([^<]*)/.exec(xml.slice(end, end + 2000))?.[1] ?? ''
    if (label.trim() === '' || firstText.trimStart().startsWith(label.trim())) continue
    out += `${xml.slice(copied, end)}<w:r><w:t xml:space="preserve">${escapeText(label)}</w:t></w:r>`
    copied = end
  }
  return copied === 0 ? null : out + xml.slice(copied)
}

/** The .docx with its automatic numbers as text, or the same bytes when it has none or cannot be read so. */
export const numbersAsText = (bytes) => {
  try {
    const files = unzipSync(bytes)
    const numbering = files['word/numbering.xml']
    const document = files['word/document.xml']
    if (!numbering || !document) return bytes
    const lists = readLists(strFromU8(numbering))
    if (lists.size === 0) return bytes
    const styles = files['word/styles.xml']
    const styleNumbering = readStyleNumbering(styles ? strFromU8(styles) : '', lists)
    const labelled = writeLabels(strFromU8(document), lists, styleNumbering)
    if (labelled === null) return bytes
    files['word/document.xml'] = strToU8(labelled)
    return zipSync(files, { level: 0 }) // only for mammoth to read: storing is enough
  } catch {
    return bytes
  }
}
