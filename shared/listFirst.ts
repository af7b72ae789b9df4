/**
 * The first few of a list, for a message: 甲、乙、丙 等 7 项. `measure` is the count's word
 * (项, 个, 处); nothing is added when every name is shown.
 */
export const listFirst = (names: readonly string[], shown: number, measure: string): string =>
  `${names.slice(0, shown).join('、')}${names.length > shown ? ` 等 ${names.length} ${measure}` : ''}`
