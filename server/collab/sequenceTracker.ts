/**
 * Knows up to which sequence number a room's doc holds every committed update, and fills gaps
 * from the store. With one process every batch is contiguous; with several (REDIS_URL) batches
 * of other processes arrive by publication, possibly late or never: a gap, a Redis reconnect or
 * the periodic check loads what is missing (or the snapshot, if the log was compacted past us).
 */
import type { Store } from '../store/types.js'

export class SequenceTracker {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private next: Promise<void> | null = null
  private disposed = false

  constructor(
    private readonly summaryId: string,
    /** Every update up to this sequence number is in the doc. */
    public lastSeq: number,
    private readonly log: Store['updates'],
    private readonly apply: (update: Uint8Array) => void,
  ) {}

  /** A batch of `count` updates ending at `seq` is in the doc now. */
  note(seq: number, count: number): void {
    if (seq - count <= this.lastSeq) this.lastSeq = Math.max(this.lastSeq, seq)
    else this.schedule()
  }

  schedule(delayMs = 50): void {
    if (this.timer || this.disposed) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.catchUp()
    }, delayMs)
  }

  /**
   * Applies whatever was committed after `lastSeq`, one run at a time. A run already under way
   * may have read the store before the caller's moment, so the caller gets the next run after it
   * (callers meanwhile share that one).
   */
  catchUp(): Promise<void> {
    if (this.running) return (this.next ??= this.running.then(() => ((this.next = null), this.catchUp())))
    this.running = this.load().finally(() => (this.running = null))
    return this.running
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearTimeout(this.timer)
  }

  private async load(): Promise<void> {
    try {
      const rows = await this.log.loadSince(this.summaryId, this.lastSeq)
      if (this.disposed) return
      if (rows.length > 0 && rows[0]!.seq !== this.lastSeq + 1) {
        // Compacted past us by another process: the snapshot has what the log no longer does.
        const state = await this.log.load(this.summaryId)
        if (this.disposed) return
        if (state.snapshot) this.apply(state.snapshot)
        for (const update of state.updates) this.apply(update)
        this.lastSeq = Math.max(this.lastSeq, state.lastSeq)
        return
      }
      for (const row of rows) this.apply(row.data)
      if (rows.length > 0) this.lastSeq = Math.max(this.lastSeq, rows.at(-1)!.seq)
    } catch (error) {
      console.error(`[room ${this.summaryId}] catch-up failed`, error)
    }
  }
}
