/**
 * Lookbehind without `(?<=…)` and `(?<!…)`: Safari before 16.4 (iPhones left on iOS 15) cannot
 * parse a regular expression that looks behind, and one such expression in the bundle stops the
 * whole summary page from loading there. The checks write the pattern without it and test the
 * character before each match here instead.
 */

/** The character (code point) before `index` in `text`; '' at the start. */
export const charBefore = (text: string, index: number): string => {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return text.slice(index - (pair ? 2 : 1), index)
}

/** The character (code point) at `index` in `text`; '' at the end. */
export const charAt = (text: string, index: number): string => (index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : '')

/**
 * The matches of a global `pattern` that `accepts`, given the character before each: what the
 * pattern with a one-character lookbehind where `accepts` tests would find. A refused match is
 * tried again one character further on, as the regex engine does when its lookbehind fails, so
 * a later match overlapping a refused one is still found (a×××: ×× after the first ×). Exact
 * when the refusal stands for a lookbehind at the start of the alternative that matched, and no
 * other alternative could match where it started.
 */
export const matchAllAfter = (text: string, pattern: RegExp, accepts: (match: RegExpExecArray, before: string) => boolean): RegExpExecArray[] => {
  if (!pattern.global) throw new Error('matchAllAfter needs a global pattern')
  const regex = new RegExp(pattern.source, pattern.flags)
  const found: RegExpExecArray[] = []
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const accepted = accepts(match, charBefore(text, match.index))
    if (accepted) found.push(match)
    if (!accepted || match[0] === '') regex.lastIndex = match.index + Math.max(1, charAt(text, match.index).length)
  }
  return found
}
