/**
 * First start on an empty database: stores the built-in templates, creates the admin and, unless
 * HUIZONG_DEMO=0, the demo organisation (departments, one writer each, a leader, a viewer) with
 * one summary from the park template. Runs exactly once per database.
 */
import type { Role } from '../../shared/roles.js'
import { generatePassword, hashPassword } from '../auth/password.js'
import type { Config } from '../config.js'
import type { Store } from '../store/index.js'
import { createSummary } from '../summary/createSummary.js'
import { readFileSync } from 'node:fs'
import { validateFigureRows } from '../../shared/schema/figures.js'
import { figuresTable } from '../indicators/readUpload.js'
import { readCsv } from '../upload/readTable.js'
import { BUILTIN_TEMPLATES } from '../templates/builtin.js'
import { parkAnnualTemplate } from '../templates/parkAnnual.js'

/** The demo's figures: the example data file the README explains, read like an upload. */
const DEMO_FIGURES = new URL('../../examples/park-annual-figures.csv', import.meta.url)

const readDemoFigures = (year: number) => {
  const figures = Object.fromEntries((parkAnnualTemplate.indicators ?? []).map((indicator) => [indicator.key, indicator]))
  const { rows, problems } = validateFigureRows(readCsv(figuresTable(year), readFileSync(DEMO_FIGURES, 'utf8')), figures)
  if (problems.length > 0) throw new Error(`examples/park-annual-figures.csv: ${JSON.stringify(problems)}`)
  return Object.fromEntries(rows.map(({ key, value, previous, target }) => [key, { value, previous: previous ?? null, target: target ?? null }]))
}

export const DEMO_PASSWORD = 'huizong2026'
export const DEMO_ORGANISATION = '青山工业园区管理委员会'
const DEMO_YEAR = 2026

const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; department?: string }> = [
  { username: 'leader', displayName: '王主任', role: 'leader' },
  { username: 'office', displayName: '李文秘', role: 'editor', department: '办公室' },
  { username: 'economy', displayName: '赵经发', role: 'editor', department: '经济发展局' },
  { username: 'invest', displayName: '张招商', role: 'editor', department: '招商部' },
  { username: 'invest2', displayName: '陈招商', role: 'editor', department: '招商部' },
  { username: 'build', displayName: '刘规建', role: 'editor', department: '规划建设局' },
  { username: 'safety', displayName: '孙安监', role: 'editor', department: '安监办' },
  { username: 'party', displayName: '周党建', role: 'editor', department: '党建办' },
  { username: 'union', displayName: '吴工会', role: 'editor', department: '工会' },
  { username: 'viewer', displayName: '郑观察', role: 'viewer' },
]

export const initialise = async (store: Store, config: Config, log: (line: string) => void): Promise<void> => {
  // One millisecond apart, so the list keeps their order (the park's, the demo's, first); a
  // built-in added in a later release is saved after those an installation already has.
  const now = Date.now()
  for (const [index, template] of BUILTIN_TEMPLATES.entries()) await store.catalog.saveTemplate(template, true, now + index)
  // Exactly one process (of however many start together) claims the first-start set-up.
  if (!(await store.catalog.claimInitialisation())) return
  const adminPassword = config.adminPassword ?? generatePassword()
  const office = await store.directory.ensureDepartment('办公室')
  // ADMIN_PASSWORD is the operator's own choice; a generated one is printed once and to be replaced.
  await store.directory.createUser({ username: 'admin', displayName: '系统管理员', role: 'admin', departmentId: office.id, passwordHash: await hashPassword(adminPassword), initialPassword: config.adminPassword === undefined })
  if (config.demo) {
    const demoHash = await hashPassword(DEMO_PASSWORD)
    for (const name of parkAnnualTemplate.departments) await store.directory.ensureDepartment(name)
    for (const user of DEMO_USERS) {
      const departmentId = user.department ? (await store.directory.ensureDepartment(user.department)).id : null
      await store.directory.createUser({ username: user.username, displayName: user.displayName, role: user.role, departmentId, passwordHash: demoHash })
    }
    await createSummary(store, { templateId: parkAnnualTemplate.id, year: DEMO_YEAR, organisation: DEMO_ORGANISATION, values: readDemoFigures(DEMO_YEAR) }, null)
  }
  log(`管理员账号：admin  密码：${adminPassword}${config.adminPassword ? '（来自 ADMIN_PASSWORD）' : '（随机生成，仅显示这一次）'}`)
  if (!config.demo) return
  log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`)
  for (const user of DEMO_USERS) log(`  ${user.username.padEnd(8)} ${user.displayName}  ${user.department ?? (user.role === 'leader' ? '领导' : '只读')}`)
}
