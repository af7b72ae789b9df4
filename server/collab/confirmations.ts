/**
 * With several processes (REDIS_URL): waits until every other process holding a summary has
 * applied a batch of server changes (a section locked, reassigned or deleted, a comment) before the
 * API call that made them answers. Without this, a writer on another process could still type
 * into a section for the few milliseconds its lock took to arrive there, after the leader's
 * 定稿 had been answered — which one process never allows.
 *
 * Redis says how many subscribers received a publication; each other process answers 'applied'
 * once the batch is in its doc. A process that never answers (stopped, an older version) costs
 * the call `timeoutMs`, after which it answers anyway, as before.
 */
interface Waiting {
  acks: number
  expected: number | null
  done: () => void
}

export class Confirmations {
  private readonly waiting = new Map<number, Waiting>()
  private last: Promise<void> = Promise.resolve()

  constructor(
    private readonly summaryId: string,
    private readonly timeoutMs: number,
  ) {}

  /** The batch ending at `seq` was published to `receivers` other processes. */
  expect(seq: number, receivers: Promise<number>): void {
    this.last = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!this.waiting.has(seq)) return
        this.waiting.delete(seq)
        console.warn(`[room ${this.summaryId}] not every process confirmed batch ${seq} within ${this.timeoutMs} ms; answering anyway`)
        resolve()
      }, this.timeoutMs)
      const entry: Waiting = {
        acks: 0,
        expected: null,
        done: () => {
          clearTimeout(timer)
          this.waiting.delete(seq)
          resolve()
        },
      }
      this.waiting.set(seq, entry)
      void receivers.then((count) => {
        entry.expected = count
        this.check(entry)
      })
    })
  }

  /** Another process has the batch ending at `seq` in its doc. */
  applied(seq: number): void {
    const entry = this.waiting.get(seq)
    if (!entry) return
    entry.acks += 1
    this.check(entry)
  }

  /** Resolves once the last batch of server changes published is confirmed (or timed out). */
  settled(): Promise<void> {
    return this.last
  }

  private check(entry: Waiting): void {
    if (entry.expected !== null && entry.acks >= entry.expected) entry.done()
  }
}
