// `npm run test:postgres`: the feature suites once more, every test server on its own database
// of one throw-away PostgreSQL, stopped afterwards. Skipped, with the reason, where PostgreSQL
// cannot be had.
import { spawnSync } from 'node:child_process'
import { servicesUnavailable, startPostgres } from '../tests/integration/services.js'

const FILES = ['api', 'collab', 'comments', 'dailyVersions', 'earlierFromWord', 'export', 'indicators', 'readMarks', 'userImport', 'workflow', 'audit', 'sessionIdle', 'trash', 'savingTrouble', 'busySummary'].map((name) => `tests/integration/${name}.test.ts`)

if (servicesUnavailable) {
  console.warn(`跳过 PostgreSQL 上的功能测试：${servicesUnavailable}`)
  process.exit(0)
}
const postgres = await startPostgres()
let status = 1
try {
  const env = { ...process.env, TEST_POSTGRES: '1', TEST_POSTGRES_PORT: String(postgres.port) }
  status = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...FILES], { stdio: 'inherit', env }).status ?? 1
} finally {
  postgres.stop()
}
process.exit(status)
