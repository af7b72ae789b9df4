/**
 * The compactions of one process, one at a time with a pause between them. A compaction writes
 * a snapshot and deletes hundreds of log rows inside the group commit that also carries
 * everyone's keystrokes. Summaries that cross the threshold together (every department typing
 * on the same morning) used to compact in the same few turns, and the keystrokes of those turns
 * waited for all of it: at 40 summaries that doubled the fan-out p99 (bench/RESULTS.md).
 */
export class CompactionLane {
  private readonly waiting: Array<() => Promise<void>> = []
  private running = false

  constructor(private readonly pauseMs: number) {}

  /** Runs `compaction` after those requested before it; it reports its own errors. */
  request(compaction: () => Promise<void>): void {
    this.waiting.push(compaction)
    this.runNext()
  }

  private runNext(): void {
    if (this.running) return
    const compaction = this.waiting.shift()
    if (!compaction) return
    this.running = true
    const done = () => {
      const timer = setTimeout(() => {
        this.running = false
        this.runNext()
      }, this.pauseMs)
      timer.unref()
    }
    compaction().then(done, done)
  }
}
