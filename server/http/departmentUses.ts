/**
 * What still belongs to a department, in words: its people, and every summary (in use, archived
 * or in the 回收站) with sections or figures of it. Empty when it can go.
 */
import { readIndicators } from '../../shared/doc/indicators.js'
import { readOutline } from '../../shared/doc/outline.js'
import { listFirst } from '../../shared/listFirst.js'
import type { Rooms } from '../collab/rooms.js'
import { SummaryUnavailable } from '../collab/rooms.js'
import type { Store } from '../store/index.js'

const NAMED = 5

const listed = (names: readonly string[]): string => listFirst(names, NAMED, '个')

export const departmentUses = async (store: Store, rooms: Rooms, departmentId: string): Promise<string[]> => {
  const uses: string[] = []
  const people = (await store.directory.listUsers()).filter((person) => person.departmentId === departmentId)
  if (people.length > 0) uses.push(`人员 ${listed(people.map((person) => person.displayName))}（可在“用户”中改到其他部门）`)
  const summaries = [...(await store.catalog.listSummaries()), ...(await store.catalog.listDeleted())]
  for (const summary of summaries) {
    const where = summary.deletedAt ? `回收站中的“${summary.title}”` : `“${summary.title}”`
    try {
      const found = await rooms.withRoom(summary.id, (room) => ({
        sections: readOutline(room.doc).filter((entry) => entry.departmentId === departmentId).map((entry) => entry.title),
        figures: Object.values(readIndicators(room.doc)).filter((figure) => figure.departmentId === departmentId).map((figure) => figure.label),
      }))
      if (found.sections.length > 0) uses.push(`${where}的章节 ${listed(found.sections)}`)
      if (found.figures.length > 0) uses.push(`${where}的指标 ${listed(found.figures)}`)
    } catch (error) {
      if (!(error instanceof SummaryUnavailable)) throw error
      uses.push(`${where}暂时无法读取，不能确认`)
    }
  }
  return uses
}
