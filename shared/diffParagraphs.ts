/**
 * Paragraph-level diff (longest common subsequence) for comparing a section with an earlier
 * version: unchanged, inserted and deleted paragraphs in reading order.
 */
export interface ParagraphChange {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export const diffParagraphs = (before: readonly string[], after: readonly string[]): ParagraphChange[] => {
  const rows = before.length + 1
  const columns = after.length + 1
  const lengths = new Uint32Array(rows * columns)
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i * columns + j] = before[i] === after[j] ? lengths[(i + 1) * columns + j + 1]! + 1 : Math.max(lengths[(i + 1) * columns + j]!, lengths[i * columns + j + 1]!)
    }
  }
  const changes: ParagraphChange[] = []
  let i = 0
  let j = 0
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      changes.push({ op: 'equal', text: before[i]! })
      i++
      j++
    } else if (lengths[(i + 1) * columns + j]! >= lengths[i * columns + j + 1]!) changes.push({ op: 'delete', text: before[i++]! })
    else changes.push({ op: 'insert', text: after[j++]! })
  }
  while (i < before.length) changes.push({ op: 'delete', text: before[i++]! })
  while (j < after.length) changes.push({ op: 'insert', text: after[j++]! })
  return changes
}
