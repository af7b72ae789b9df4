/** A stable, readable caret colour for a department, so colleagues share a colour. */
const PALETTE = ['#d9480f', '#1971c2', '#2b8a3e', '#862e9c', '#c2255c', '#0b7285', '#e67700', '#5f3dc4']

export const departmentColor = (departmentId: string | null): string => {
  if (!departmentId) return '#495057'
  let hash = 0
  for (const char of departmentId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}
