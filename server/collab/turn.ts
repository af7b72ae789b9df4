/**
 * One flush per event-loop turn for all the rooms of a process: every room that changed during
 * a turn flushes in the same setImmediate, so their commits share one group transaction (one
 * fsync) and their broadcasts leave in that same turn.
 */
export interface Flushable {
  flush(): void
}

export class Turn {
  private readonly dirty = new Set<Flushable>()
  private scheduled = false

  schedule(room: Flushable): void {
    this.dirty.add(room)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.run)
  }

  private run = (): void => {
    this.scheduled = false
    const rooms = [...this.dirty]
    this.dirty.clear()
    for (const room of rooms) {
      try {
        room.flush()
      } catch (error) {
        console.error('[turn] a room failed to flush', error)
      }
    }
  }
}
