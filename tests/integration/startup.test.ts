import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createDataDir } from './harness.js'
import { freePort } from './services.js'

/** `npm start` as it runs it, until it exits: its exit code and what it printed on stderr. */
const start = (env: Record<string, string>): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: createDataDir(), ADMIN_PASSWORD, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })

describe('a server that cannot start', () => {
  it('says why in one line with what to check, and exits with 1', async () => {
    const closed = await freePort()
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const takenPort = (taken.address() as { port: number }).port
    const broken = createDataDir()
    const garbage = randomBytes(64 * 1024)
    writeFileSync(join(broken, 'huizong.sqlite'), garbage)
    try {
      const cases: Array<[Record<string, string>, string]> = [
        [{ DATA_DIR: broken }, `汇总启动失败：数据目录 ${broken} 中的数据库文件 huizong.sqlite 已损坏（或不是汇总的数据库）：请从备份恢复`],
        [{ PORT: 'abc' }, '汇总启动失败：环境变量 PORT 应为不小于 0 的整数，现在是“abc”。'],
        [{ REDIS_URL: `redis://127.0.0.1:${closed}` }, `汇总启动失败：无法连接 Redis（REDIS_URL=redis://127.0.0.1:${closed}）：连接被拒绝。`],
        [{ DATABASE_URL: `postgres://huizong:secret@127.0.0.1:${closed}/huizong` }, `汇总启动失败：无法连接 PostgreSQL（DATABASE_URL=postgres://huizong:***@127.0.0.1:${closed}/huizong）：连接被拒绝。`],
        [{ PORT: String(takenPort) }, `汇总启动失败：端口 ${takenPort} 已被占用`],
      ]
      for (const [env, line] of cases) {
        const { code, stderr } = await start(env)
        expect([env, code, stderr]).toEqual([env, 1, expect.stringContaining(line)])
        expect(stderr).not.toMatch(/\n\s+at /) // no stack trace
        expect(stderr).not.toContain('secret')
      }
      // The broken file is left as it was, for whoever tries to save what is in it.
      expect(readFileSync(join(broken, 'huizong.sqlite')).equals(garbage)).toBe(true)
    } finally {
      taken.close()
    }
  }, 120_000)
})
