/**
 * vitest globalSetup: every temporary directory of a test run (data directories, throw-away
 * PostgreSQL clusters, files written by the tests and by the servers they start) goes into one
 * directory of its own, removed when the run ends. `os.tmpdir()` reads TMPDIR, which the workers
 * and every process they spawn inherit. Without it each run left its directories in /tmp —
 * PostgreSQL clusters of 100–300 MB among them — and a developer's disk filled run by run.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'huizong-run-'))
  // PostgreSQL runs as its own user (tests/integration/services.ts) and must reach its cluster.
  chmodSync(root, 0o755)
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 })
    } catch (error) {
      console.warn(`未能删除测试临时目录 ${root}：${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
