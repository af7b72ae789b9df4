// `npm run test:postgres`: the feature suites once more, every test server on its own database
// of a throw-away PostgreSQL. Skipped, with the reason, where PostgreSQL cannot be had.
import { spawnSync } from 'node:child_process'
import { servicesUnavailable } from '../tests/integration/services.js'

const FILES = ['api', 'collab', 'comments', 'export', 'indicators', 'workflow'].map((name) => `tests/integration/${name}.test.ts`)

if (servicesUnavailable) {
  console.warn(`跳过 PostgreSQL 上的功能测试：${servicesUnavailable}`)
  process.exit(0)
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...FILES], { stdio: 'inherit', env: { ...process.env, TEST_POSTGRES: '1' } })
process.exit(run.status ?? 1)
