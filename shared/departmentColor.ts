/** A stable, readable caret colour for a department, so colleagues share a colour (each at least 4.5:1 on the page, as text). */
const PALETTE = ['#c2410c', '#1971c2', '#237a36', '#862e9c', '#c2255c', '#0b7285', '#a84f00', '#5f3dc4']

export const departmentColor = (departmentId: string | null): string => {
  if (!departmentId) return '#495057'
  let hash = 0
  for (const char of departmentId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}
