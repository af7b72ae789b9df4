/**
 * Units that differ by a power of ten: 元, 万元 and 亿元; 吨 and 万吨; 人次 and 万人次. A sheet
 * from the statistics office states 协议资金 in 万元 where the summary prints 亿元; read as it
 * stands, 48000 万元 would print as 48000亿元.
 */
/** A unit in brackets at the end of a name or header: 协议资金（亿元）, 本年（万元）. */
export const BRACKETED_UNIT = /[（(]\s*([^（）()\d\s]{1,6})\s*[）)]$/

const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
]

const splitUnit = (unit: string): { base: string; scale: number } => {
  for (const [prefix, scale] of PREFIXES) if (unit.length > prefix.length && unit.startsWith(prefix)) return { base: unit.slice(prefix.length), scale }
  return { base: unit, scale: 1 }
}

/** `value` stated in `from`, in `to` — or null when the two are not the same unit at another scale. */
export const convertUnit = (value: number, from: string, to: string): number | null => {
  const stated = splitUnit(from.trim())
  const wanted = splitUnit(to.trim())
  if (stated.base !== wanted.base || stated.scale === wanted.scale) return null
  return Number(((value * stated.scale) / wanted.scale).toPrecision(12))
}

/** How the page says what was converted: 协议资金由48000万元换算为4.8亿元，到位资金由… */
export const conversionWords = (conversions: readonly { label: string; from: string; to: string }[]): string =>
  conversions.map((item) => `${item.label}由${item.from}换算为${item.to}`).join('，')
