/**
 * Years in the words of a summary: its own (2026年工作总结), the one before (较2025年) and the
 * next (2027年工作打算). A template writes them as {lastYear}, {year} and {nextYear}; a summary
 * continued next year moves all three on, and leaves any other year (自2018年建园以来) as it is.
 * Only a four-digit number followed by 年 is a year here: 5000字 or 1002万元 never is.
 */

/** A whole run of digits before 年 (a year when it has four). */
const YEAR = /\d+(?=年)/g
const PLACEHOLDERS = ['{lastYear}', '{year}', '{nextYear}'] as const

/** {lastYear}, {year} and {nextYear} of a template text, for a summary of `year`. */
export const renderYears = (text: string, year: number): string => PLACEHOLDERS.reduce((result, placeholder, index) => result.replaceAll(placeholder, String(year - 1 + index)), text)

/** A summary's text as a template's: the year before, its year and the next as placeholders. */
export const yearPlaceholders = (text: string, year: number): string => text.replace(YEAR, (found) => (found.length === 4 ? PLACEHOLDERS[Number(found) - year + 1] : undefined) ?? found)

/** A text of a summary of year `from` for one of year `to`: 2026年 → 2027年, 2027年 (打算) → 2028年, 2025年 → 2026年. */
export const shiftYears = (text: string, from: number, to: number): string => renderYears(yearPlaceholders(text, from), to)

/** A template text as people read it: {organisation}{year}年度工作总结 → 〔单位〕〔年度〕年度工作总结. */
export const readablePlaceholders = (text: string): string =>
  text.replaceAll('{organisation}', '〔单位〕').replaceAll('{lastYear}', '〔上一年度〕').replaceAll('{year}', '〔年度〕').replaceAll('{nextYear}', '〔下一年度〕')
