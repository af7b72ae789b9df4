/** A section of a live summary a route works on, or 404 naming it. */
import type { Room } from '../collab/room.js'
import { AppError } from '../errors.js'

export const requireSection = (room: Room, sectionId: string) => {
  const section = room.section(sectionId)
  if (!section) throw new AppError(404, 'unknown-section', `章节“${sectionId}”不存在`)
  return section
}
