/**
 * The sync answer for a client that has nothing yet (everyone opening the summary in the morning),
 * encoded once per version of the doc while joiners come in a burst: each encoding of a 200 KB
 * summary costs more than a millisecond. A summary opened by one reader at a time never holds a
 * second copy of its state in memory. The room forgets it whenever the doc changes.
 */

/** Joiners this close together share one answer, kept this long while nothing changes. */
const KEEP_MS = 2000

export class FullStateAnswer {
  private answer: Uint8Array | null = null
  private timer: NodeJS.Timeout | null = null
  private lastAt = -Infinity

  constructor(private readonly encode: () => Uint8Array) {}

  get(): Uint8Array {
    if (this.answer !== null) return this.answer
    const answer = this.encode()
    const now = performance.now()
    if (now - this.lastAt < KEEP_MS) {
      this.answer = answer
      this.timer = setTimeout(this.forget, KEEP_MS)
      this.timer.unref()
    }
    this.lastAt = now
    return answer
  }

  forget = (): void => {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.answer = null
  }
}
