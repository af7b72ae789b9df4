import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startTestServer } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let admin: string

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
})

afterAll(async () => server.close())

interface ImportedUser {
  username: string
  displayName: string
  role: string
  departmentName: string | null
  password?: string
}
interface Problem {
  row: number
  column: string
  message: string
}

const upload = async <T>(path: string, body: BodyInit, type: string | null, token = admin): Promise<{ status: number; body: T }> => {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
    body,
  })
  return { status: response.status, body: (await response.json()) as T }
}
const csv = (text: string, path = '/api/users/import') => upload<Record<string, unknown>>(path, '\uFEFF' + text, 'text/csv')
const everyone = async () => (await api<Array<{ username: string }>>(server, '/api/users', { token: admin })).body.map((user) => user.username)
const departments = async () => (await api<Array<{ name: string }>>(server, '/api/departments', { token: admin })).body.map((department) => department.name)
const canLogin = async (username: string, password: string) => (await api(server, '/api/login', { body: { username, password } })).status === 200

const STAFF = ['用户名,姓名,部门,角色,初始密码', 'wang.hr,王人事,人力资源部,,', 'li.hr,李人事,人力资源部,撰写人,renshi-2026', 'zhao,赵主任,,领导,', 'qian.audit,钱审计,审计科,只读,'].join('\n')

describe('importing users from a table', () => {
  it('previews a table with Chinese headers without creating anyone', async () => {
    const before = { users: await everyone(), departments: await departments() }
    const { status, body } = await csv(STAFF, '/api/users/import?dryRun=1')
    expect(status).toBe(200)
    expect(body).toEqual({
      users: [
        { row: 2, username: 'wang.hr', displayName: '王人事', role: 'editor', roleLabel: '撰写人', department: '人力资源部', passwordGiven: false },
        { row: 3, username: 'li.hr', displayName: '李人事', role: 'editor', roleLabel: '撰写人', department: '人力资源部', passwordGiven: true },
        { row: 4, username: 'zhao', displayName: '赵主任', role: 'leader', roleLabel: '领导', department: null, passwordGiven: false },
        { row: 5, username: 'qian.audit', displayName: '钱审计', role: 'viewer', roleLabel: '只读', department: '审计科', passwordGiven: false },
      ],
      newDepartments: ['人力资源部', '审计科'],
    })
    expect(await everyone()).toEqual(before.users)
    expect(await departments()).toEqual(before.departments)
  })

  it('creates everyone with their new departments, answering the generated passwords once', async () => {
    const { status, body } = await csv(STAFF)
    expect(status).toBe(201)
    const users = body.users as ImportedUser[]
    expect(users.map(({ username, role, departmentName }) => [username, role, departmentName])).toEqual([
      ['wang.hr', 'editor', '人力资源部'],
      ['li.hr', 'editor', '人力资源部'],
      ['zhao', 'leader', null],
      ['qian.audit', 'viewer', '审计科'],
    ])
    expect((body.newDepartments as Array<{ name: string }>).map((department) => department.name)).toEqual(['人力资源部', '审计科'])
    // A given password is not echoed; a generated one is, readable and long enough.
    expect(users[1]!.password).toBeUndefined()
    for (const index of [0, 2, 3]) expect(users[index]!.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{10}$/)
    expect(await canLogin('wang.hr', users[0]!.password!)).toBe(true)
    expect(await canLogin('li.hr', 'renshi-2026')).toBe(true)
    const me = await api<{ role: string; departmentName: string }>(server, '/api/me', { token: await login(server, 'zhao', users[2]!.password!) })
    expect(me.body).toMatchObject({ role: 'leader' })
    // Both departments exist once, however many rows named them.
    expect((await departments()).filter((name) => name === '人力资源部')).toHaveLength(1)
  })

  it('refuses a table with any bad row, listing each, and creates nobody', async () => {
    const before = { users: await everyone(), departments: await departments() }
    const table = [
      'username,displayName,department,role,password',
      'sun.new,孙新,新成立部门,editor,',
      'invest,重名者,招商部,editor,',
      'dup,甲,招商部,editor,',
      'DUP,乙,招商部,editor,',
      'zhou,周,,editor,',
      'wu,吴,招商部,秘书,',
      'zheng,郑,招商部,editor,short',
      '张 三,,招商部,editor,',
    ].join('\n')
    const { status, body } = await csv(table)
    expect(status).toBe(400)
    const error = body.error as { code: string; message: string; details: Problem[] }
    expect(error.code).toBe('invalid-users')
    expect(error.message).toMatch(/^用户表有误，未导入任何人：/)
    expect(error.details.map(({ row, column }) => `${row}:${column}`)).toEqual(['3:username', '5:username', '6:department', '7:role', '8:password', '9:username', '9:displayName'])
    expect(error.details.find((problem) => problem.row === 3)!.message).toBe('用户名“invest”已被使用')
    expect(error.details.find((problem) => problem.row === 5)!.message).toBe('用户名“DUP”与第 4 行重复')
    expect(error.details.find((problem) => problem.row === 7)!.message).toContain('不认识的角色“秘书”')
    expect(await everyone()).toEqual(before.users)
    expect(await departments()).toEqual(before.departments)
  })

  it('reads an .xlsx upload and refuses unreadable files and unknown columns with a clear message', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('人员')
    sheet.addRow(['账号', '姓名', '所在部门', '角色'])
    sheet.addRow(['feng.park', '冯园区', '园区服务中心', '撰写人'])
    const form = new FormData()
    form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), '人员名单.xlsx')
    const created = await upload<{ users: ImportedUser[] }>('/api/users/import', form, null)
    expect(created.status).toBe(201)
    expect(created.body.users[0]).toMatchObject({ username: 'feng.park', departmentName: '园区服务中心' })

    const broken = await upload<{ error: { code: string; message: string } }>('/api/users/import', new Uint8Array([80, 75, 3, 4, 1, 2, 3]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(broken.status).toBe(400)
    expect(broken.body.error).toMatchObject({ code: 'invalid-users', message: 'Excel 文件无法读取：请上传 .xlsx 格式（不支持 .xls）' })
    const header = await csv('用户名,姓名,手机号\nchen,陈,13800000000')
    expect(header.status).toBe(400)
    expect((header.body.error as { message: string }).message).toContain('不认识的列“手机号”')
    const json = await upload<{ error: { code: string } }>('/api/users/import', JSON.stringify({ users: [] }), 'application/json')
    expect(json.status).toBe(415)
  })

  it('is for the admin only', async () => {
    expect((await upload('/api/users/import', STAFF, 'text/csv', await login(server, 'invest'))).status).toBe(403)
    expect((await fetch(`${server.url}/api/users/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: STAFF })).status).toBe(401)
  })
})
