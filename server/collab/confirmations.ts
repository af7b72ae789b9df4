/**
 * With several processes (REDIS_URL): waits until every other process that received a
 * publication has acted on it before the API call that caused it answers — a batch of server
 * changes applied to its copy of the summary (a section locked, reassigned or deleted, a
 * comment), or its connections of a changed account or a deleted summary checked again. Without
 * this, a writer on another process could still type into a section for the few milliseconds
 * its lock took to arrive there, after the leader's 定稿 had been answered — which one process
 * never allows.
 *
 * Redis says how many subscribers received a publication; each of them answers once it has
 * acted. A process that never answers (stopped, an older version) costs the call `timeoutMs`,
 * after which it answers anyway.
 */
interface Waiting {
  acks: number
  expected: number | null
  done: () => void
}

export const CONFIRM_TIMEOUT_MS = 2000

export class Confirmations {
  private readonly waiting = new Map<number, Waiting>()
  private last: Promise<void> = Promise.resolve()

  constructor(
    /** Who waits, for the log: `room <id>`, `connections`. */
    private readonly label: string,
    private readonly timeoutMs = CONFIRM_TIMEOUT_MS,
  ) {}

  /** Publication `seq` (a batch's last sequence number, a counter) reached `receivers` other processes. */
  expect(seq: number, receivers: Promise<number>): Promise<void> {
    this.last = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!this.waiting.has(seq)) return
        this.waiting.delete(seq)
        console.warn(`[${this.label}] not every process confirmed ${seq} within ${this.timeoutMs} ms; answering anyway`)
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
    return this.last
  }

  /** Another process has acted on publication `seq`. */
  applied(seq: number): void {
    const entry = this.waiting.get(seq)
    if (!entry) return
    entry.acks += 1
    this.check(entry)
  }

  /** Resolves once the last publication is confirmed (or timed out). */
  settled(): Promise<void> {
    return this.last
  }

  private check(entry: Waiting): void {
    if (entry.expected !== null && entry.acks >= entry.expected) entry.done()
  }
}
