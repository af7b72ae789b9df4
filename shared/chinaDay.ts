/**
 * Days and times as the organisation sees them: in China Standard Time (UTC+8, no daylight
 * saving), for the closing date of an export, a summary's deadline and every time the page shows,
 * whatever the time zone of the server or of the reader's computer (信创 machines are often left
 * on UTC, which put 有改动 and 版本 eight hours off the times of 审计 and 指标数据).
 */
/** China Standard Time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The day `date` is in China, as `2026-12-31` (what an `<input type="date">` holds). */
export const chinaIsoDay = (date: Date): string => new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** formatChineseDate(new Date('2026-12-31')) === '2026年12月31日' (in China Standard Time). */
export const formatChineseDate = (date: Date): string => {
  const [year, month, day] = chinaIsoDay(date).split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/**
 * A day the office chose (落款日期, 截止日期), `YYYY-MM-DD`, as a Date at the start of that day in
 * China; null when it is not a real calendar day (2026-02-30) or not in that form.
 */
export const parseChinaDay = (text: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS)
  return chinaIsoDay(date) === text && year >= 1900 ? date : null
}

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/** `12月10日` for `2026-12-10`. */
export const formatMonthDay = (day: string): string => {
  const [, month, date] = day.split('-').map(Number)
  return `${month}月${date}日`
}

/** `2026-12-03T14:20:05`: a moment as the clock on the wall in China shows it. */
export const chinaClock = (at: number): string => new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 19)

/** `2026-12-03 14:20`. */
export const formatChinaTime = (at: number): string => chinaClock(at).slice(0, 16).replace('T', ' ')

/** `11/30 14:20`: a moment beside a name (who deleted it, who replied, who last edited). */
export const formatChinaShortTime = (at: number): string => {
  const [, month, day, hour, minute] = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(chinaClock(at))!
  return `${Number(month)}/${Number(day)} ${hour}:${minute}`
}
