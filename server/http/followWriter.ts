/**
 * A person renamed, moved to another department or given a role that does not write: the
 * sections of the summaries in use that name them as 执笔人 follow — the new name, or no name
 * where they no longer write for the section's department. A disabled person stays named (they
 * wrote it); archived summaries are history and stay as they were.
 */
import { readOutline } from '../../shared/doc/outline.js'
import { canBeWriter } from '../../shared/roles.js'
import type { Rooms } from '../collab/rooms.js'
import type { User } from '../store/directory.js'
import type { Store } from '../store/index.js'
import { setWriter } from '../summary/outlineEdits.js'
import { headingOf } from './describeSections.js'
import { recordChange } from './journal.js'

export const followWriter = async (store: Store, rooms: Rooms, person: User, by: User): Promise<void> => {
  for (const summary of await store.catalog.listSummaries()) {
    if (summary.archivedAt) continue
    // A summary that cannot be loaded keeps its names; the person's change itself stands.
    const cleared = await rooms.withRoom(summary.id, (room) => {
      const named = readOutline(room.doc).filter((entry) => entry.writer?.id === person.id)
      const stays = (departmentId: string) => canBeWriter({ ...person, disabled: false }, departmentId)
      const gone = named.filter((entry) => !stays(entry.departmentId)).map((entry) => ({ id: entry.id, heading: headingOf(room.doc, entry.id)! }))
      if (named.some((entry) => !stays(entry.departmentId) || entry.writer!.name !== person.displayName)) {
        room.transactServer((doc) => {
          for (const entry of named) setWriter(doc, entry.id, stays(entry.departmentId) ? { id: person.id, name: person.displayName } : null)
        }, by.id)
      }
      return gone
    }).catch((error: unknown) => {
      console.error(`[writers] could not update the 执笔人 of ${summary.id}:`, error)
      return []
    })
    for (const { id, heading } of cleared) await recordChange(store, by, summary.id, 'section-edit', `“${heading}”不再指定执笔人（${person.displayName}已不是本节所属部门的撰写人）`, id)
  }
}
