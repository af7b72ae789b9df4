import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, api, connect, createDataDir, login, sectionText, startTestServer, synced, waitFor, writeParagraph } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let admin: string
let editor: string

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
  editor = await login(server, 'invest')
})

afterAll(async () => server.close())

const demoSummaryIdOf = async () => (await api<Array<{ id: string; title: string }>>(server, '/api/summaries', { token: admin })).body.find((summary) => summary.title === '青山工业园区管理委员会2026年度工作总结')!.id

const unionTemplate = {
  id: 'union-annual',
  title: '{organisation}{year}年工会工作总结',
  departments: ['工会办公室', '女工委员会'],
  sections: [
    { id: 'work', title: '主要工作', department: '工会办公室', children: [{ id: 'women', title: '维护女职工权益', department: '女工委员会', children: [{ id: 'care', title: '关爱行动', department: '女工委员会' }] }] },
    { id: 'next', title: '下一年工作打算', department: '工会办公室' },
  ],
  indicators: [{ key: 'events', label: '组织活动', unit: '场', department: '女工委员会' }],
}

describe('login and sessions', () => {
  it('answers bad credentials with 401 in the error shape and sets no cookie', async () => {
    const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'invest', password: 'wrong-password' }) })
    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await response.json()).toEqual({ error: { code: 'bad-credentials', message: '用户名或密码错误' } })
  })

  it('sets an HttpOnly SameSite session cookie that authenticates later requests', async () => {
    const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: 'huizong2026' }) })
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(await me.json()).toMatchObject({ username: 'leader', role: 'leader' })
  })

  it('refuses a change riding on the cookie from another application on the same host, and accepts our own pages', async () => {
    const signIn = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const host = new URL(server.url).host
    // A form elsewhere on the intranet server posts JSON as text/plain: SameSite=Lax lets the cookie through.
    const forged = (name: string, headers: Record<string, string>) =>
      fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/plain', ...headers },
        body: JSON.stringify({ username: name, password: 'forged-pass-1', displayName: '伪造', role: 'admin', pad: '=' }),
      })
    const sameSite = await forged('forged1', { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' })
    expect(sameSite.status).toBe(403)
    expect(((await sameSite.json()) as { error: { code: string } }).error.code).toBe('cross-origin')
    expect((await forged('forged2', { origin: 'http://oa.example.gov.cn' })).status).toBe(403) // an older browser: Origin only
    const users = (await api<Array<{ username: string }>>(server, '/api/users', { token: admin })).body.map((user) => user.username)
    expect(users).not.toContain('forged1')
    expect(users).not.toContain('forged2')
    // Our own page, with either header, and scripts with a bearer token go through.
    const own = await fetch(`${server.url}/api/departments`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ name: '同源部门' }) })
    expect(own.status).toBe(201)
    const older = await fetch(`${server.url}/api/departments`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: `http://${host}` }, body: JSON.stringify({ name: '旧浏览器部门' }) })
    expect(older.status).toBe(201)
    const script = await api(server, '/api/departments', { token: admin, body: { name: '脚本部门' } })
    expect(script.status).toBe(201)
  })

  it('rate-limits repeated failures for one user with 429', async () => {
    const attempt = () => api(server, '/api/login', { body: { username: 'union', password: 'not-it' } })
    const statuses = []
    for (let index = 0; index < 7; index++) statuses.push((await attempt()).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.at(-1)).toBe(429)
    expect((await api(server, '/api/login', { body: { username: 'union', password: 'huizong2026' } })).status).toBe(429)
  })

  it('still counts failed sign-ins after a restart', async () => {
    const dataDir = createDataDir()
    const before = await startTestServer(dataDir)
    for (let index = 0; index < 5; index++) expect((await api(before, '/api/login', { body: { username: 'party', password: 'not-it' } })).status).toBe(401)
    await before.close()
    const after = await startTestServer(dataDir)
    try {
      expect((await api(after, '/api/login', { body: { username: 'party', password: 'huizong2026' } })).status).toBe(429)
      // Others are not held up by it.
      expect((await api(after, '/api/login', { body: { username: 'economy', password: 'huizong2026' } })).status).not.toBe(429)
    } finally {
      await after.close()
    }
  })

  it('sends the protective headers with pages and API answers', async () => {
    for (const path of ['/', '/api/me']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    }
  })

  it('requires a session for every API route, with no credentials or a made-up token', async () => {
    // Every route the app serves, as it lists them: a route added without a session check fails here.
    const routes = server.routes.filter(({ path }) => path.startsWith('/api/')).filter(({ method, path }) => !(method === 'POST' && path === '/api/login'))
    expect(routes.length).toBeGreaterThan(60)
    for (const { method, path } of routes) {
      const url = server.url + path.replace(/:[A-Za-z]+/g, 'x')
      for (const authorization of [undefined, 'Bearer made-up-token']) {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }
        const response = await fetch(url, { method, headers, body: method === 'GET' ? undefined : '{}' })
        expect([method, path, response.status]).toEqual([method, path, 401])
      }
    }
  })

  it('keeps tokens valid across a restart', async () => {
    const first = await startTestServer()
    const token = await login(first, 'admin')
    await first.close()
    const again = await startTestServer(first.dataDir)
    expect((await api(again, '/api/me', { token })).status).toBe(200)
    await again.close()
  })
})

describe('directory administration', () => {
  it('lets the admin create departments and users, who can then log in', async () => {
    const department = await api<{ id: string; name: string }>(server, '/api/departments', { token: admin, body: { name: '财务部' } })
    expect(department.status).toBe(201)
    const user = await api(server, '/api/users', { token: admin, body: { username: 'finance', password: 'finance-pass', displayName: '钱财务', role: 'editor', departmentId: department.body.id } })
    expect(user.status).toBe(201)
    expect(await login(server, 'finance', 'finance-pass')).toBeTruthy()
    const users = await api<Array<{ username: string; departmentName: string }>>(server, '/api/users', { token: admin })
    expect(users.body).toContainEqual(expect.objectContaining({ username: 'finance', departmentName: '财务部' }))
  })

  it('refuses directory changes by non-admins with 403', async () => {
    expect((await api(server, '/api/departments', { token: editor, body: { name: '越权部' } })).status).toBe(403)
    expect((await api(server, '/api/users', { token: editor })).status).toBe(403)
  })

  it('validates user input and names the bad field', async () => {
    const answer = await api<{ error: { code: string; details: Array<{ path: string }> } }>(server, '/api/users', { token: admin, body: { username: 'x', password: 'short', displayName: '', role: 'boss' } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('invalid-input')
    expect(answer.body.error.details.map((problem) => problem.path)).toEqual(expect.arrayContaining(['username', 'password', 'displayName', 'role']))
    expect((await api(server, '/api/departments', { token: admin, body: { name: '财务部' } })).status).toBe(409)
  })
})

describe('accounts', () => {
  const me = (token: string) => api<Record<string, unknown>>(server, '/api/me', { token })
  const userId = async (username: string) => (await api<Array<{ id: string; username: string }>>(server, '/api/users', { token: admin })).body.find((user) => user.username === username)!.id
  const closed = (client: { closes: Array<{ code: number }> }) => waitFor(() => client.closes.some((close) => close.code === 4401))

  it('lets a user change their own password: the old one stops working and their other sessions end', async () => {
    const here = await login(server, 'build')
    const elsewhere = await login(server, 'build')
    const summary = (await api<Array<{ id: string }>>(server, '/api/summaries', { token: here })).body[0]!.id
    const otherTab = connect(server, summary, elsewhere)
    await synced(otherTab)
    const wrong = await api<{ error: { code: string } }>(server, '/api/me/password', { token: here, body: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1' } })
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'wrong-password'])
    expect((await api(server, '/api/me/password', { token: here, body: { currentPassword: 'huizong2026', newPassword: 'short' } })).status).toBe(400)
    expect((await api(server, '/api/me/password', { token: here, body: { currentPassword: 'huizong2026', newPassword: 'a-new-password-1' } })).status).toBe(200)
    expect((await me(here)).status).toBe(200) // this session goes on
    expect((await me(elsewhere)).status).toBe(401)
    await closed(otherTab)
    otherTab.destroy()
    expect((await api(server, '/api/login', { body: { username: 'build', password: 'huizong2026' } })).status).toBe(401)
    expect((await api(server, '/api/login', { body: { username: 'build', password: 'a-new-password-1' } })).status).toBe(200)
  })

  it('asks whoever still signs in with a password someone else set to choose their own (首次登录修改初始口令)', async () => {
    // The operator chose ADMIN_PASSWORD; the demo's shared password and the admin's choices are initial.
    expect((await me(admin)).body.initialPassword).toBeUndefined()
    const created = await api<{ id: string; initialPassword?: boolean }>(server, '/api/users', { token: admin, body: { username: 'newcomer', password: 'given-by-admin-1', displayName: '新同事', role: 'viewer' } })
    expect(created.body.initialPassword).toBe(true)
    const token = await login(server, 'newcomer', 'given-by-admin-1')
    expect((await me(token)).body.initialPassword).toBe(true)
    expect((await me(await login(server, 'party'))).body.initialPassword).toBe(true)
    expect((await api(server, '/api/me/password', { token, body: { currentPassword: 'given-by-admin-1', newPassword: 'only-i-know-it-1' } })).status).toBe(200)
    expect((await me(token)).body.initialPassword).toBeUndefined()
    const listed = async () => (await api<Array<{ username: string; initialPassword?: boolean }>>(server, '/api/users', { token: admin })).body.find((user) => user.username === 'newcomer')!
    expect((await listed()).initialPassword).toBeUndefined()
    // A password the admin resets is initial again.
    expect((await api(server, `/api/users/${created.body.id}`, { token: admin, method: 'PATCH', body: { password: 'reset-by-admin-2' } })).status).toBe(200)
    expect((await listed()).initialPassword).toBe(true)
  })

  it('lets the admin reset a password, move a user and disable them; each ends their sessions and live connections', async () => {
    const id = await userId('safety')
    const patch = (body: unknown, token = admin) => api<{ error?: { code: string }; role?: string; departmentName?: string; disabled?: boolean }>(server, `/api/users/${id}`, { token, method: 'PATCH', body })
    expect((await patch({ password: 'reset-by-admin-1' }, editor)).status).toBe(403)
    let session = await login(server, 'safety')
    const summary = (await api<Array<{ id: string }>>(server, '/api/summaries', { token: session })).body[0]!.id
    let client = connect(server, summary, session)
    await synced(client)
    expect((await patch({ password: 'reset-by-admin-1' })).status).toBe(200)
    expect((await me(session)).status).toBe(401)
    await closed(client)
    client.destroy()

    session = (await api<{ token: string }>(server, '/api/login', { body: { username: 'safety', password: 'reset-by-admin-1' } })).body.token
    client = connect(server, summary, session)
    await synced(client)
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const moved = await patch({ displayName: '孙安监（借调）', departmentId: departments.find((department) => department.name === '规划建设局')!.id })
    expect(moved.body).toMatchObject({ displayName: '孙安监（借调）', departmentName: '规划建设局' })
    await closed(client) // it was writing with 安监办's rights
    client.destroy()
    expect((await patch({ role: 'editor', departmentId: null })).body.error?.code).toBe('department-required')

    session = (await api<{ token: string }>(server, '/api/login', { body: { username: 'safety', password: 'reset-by-admin-1' } })).body.token
    expect((await patch({ disabled: true })).body.disabled).toBe(true)
    expect((await me(session)).status).toBe(401)
    const refused = await api<{ error: { code: string; message: string } }>(server, '/api/login', { body: { username: 'safety', password: 'reset-by-admin-1' } })
    expect([refused.status, refused.body.error.message]).toEqual([403, '该账号已停用，请联系管理员'])
    expect((await api<Array<{ username: string; disabled?: boolean }>>(server, '/api/users', { token: admin })).body.find((user) => user.username === 'safety')!.disabled).toBe(true)
    expect((await patch({ disabled: false })).status).toBe(200)
    expect((await api(server, '/api/login', { body: { username: 'safety', password: 'reset-by-admin-1' } })).status).toBe(200)
  })

  it('keeps the admin from disabling or demoting themself, and other users’ answers without a disabled flag', async () => {
    const own = await userId('admin')
    for (const body of [{ disabled: true }, { role: 'editor' }]) {
      expect((await api<{ error: { code: string } }>(server, `/api/users/${own}`, { token: admin, method: 'PATCH', body })).body.error.code).toBe('cannot-change-self')
    }
    expect((await api(server, `/api/users/no-such-user`, { token: admin, method: 'PATCH', body: { displayName: '谁' } })).status).toBe(404)
    // (The demo's writers still have the demo's shared password: initialPassword.)
    expect(Object.keys((await me(editor)).body).sort()).toEqual(['departmentId', 'departmentName', 'displayName', 'id', 'initialPassword', 'role', 'username'])
  })
})

describe('departments', () => {
  it('renames a department: its sections and people follow, a name in use is refused', async () => {
    const departments = (await api<Array<{ id: string; name: string }>>(server, '/api/departments', { token: admin })).body
    const build = departments.find((department) => department.name === '规划建设局')!
    const rename = (id: string, name: string, token = admin) => api<{ id?: string; name?: string; error?: { code: string } }>(server, `/api/departments/${id}`, { token, method: 'PATCH', body: { name } })
    expect((await rename(build.id, '自然资源和规划局', editor)).status).toBe(403)
    expect((await rename(build.id, '安监办')).body.error?.code).toBe('department-exists')
    expect((await rename('no-such-department', '新部门')).status).toBe(404)
    expect((await rename(build.id, '自然资源和规划局')).body).toEqual({ id: build.id, name: '自然资源和规划局' })
    const summary = (await api<Array<{ id: string; templateId: string; year: number }>>(server, '/api/summaries', { token: admin })).body.find((item) => item.templateId === 'park-annual' && item.year === 2026)!
    const detail = await api<{ sections: Array<{ id: string; departmentName: string }> }>(server, `/api/summaries/${summary.id}`, { token: admin })
    expect(detail.body.sections.find((section) => section.id === 'infrastructure')!.departmentName).toBe('自然资源和规划局')
    const users = await api<Array<{ username: string; departmentName: string }>>(server, '/api/users', { token: admin })
    expect(users.body.find((user) => user.username === 'build')!.departmentName).toBe('自然资源和规划局')
    expect((await rename(build.id, '规划建设局')).status).toBe(200) // back, for the tests that follow
  })
})

describe('templates and summaries', () => {
  it('refuses an invalid template with Chinese messages naming each bad field', async () => {
    const bad = { ...unionTemplate, sections: [{ id: 'work', title: '', department: '宣传部' }] }
    const answer = await api<{ error: { code: string; message: string; details: Array<{ path: string; message: string }> } }>(server, '/api/templates', { token: admin, body: bad })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('invalid-template')
    expect(answer.body.error.details).toEqual(expect.arrayContaining([{ path: 'sections[0].title', message: '不能为空' }]))
    expect(answer.body.error.message).toContain('sections[0].title')
    const listed = await api<Array<{ id: string }>>(server, '/api/templates', { token: admin })
    expect(listed.body.map((template) => template.id)).not.toContain('union-annual')
  })

  it('creates a summary from an uploaded template with predictable section ids and derived numbers', async () => {
    expect((await api(server, '/api/templates', { token: editor, body: unionTemplate })).status).toBe(403)
    expect((await api(server, '/api/templates', { token: admin, body: unionTemplate })).status).toBe(201)
    expect((await api(server, '/api/summaries', { token: editor, body: { templateId: 'union-annual', year: 2026, organisation: '园区工会' } })).status).toBe(403)
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'union-annual', year: 2026, organisation: '园区工会' } })
    expect(created.status).toBe(201)
    const detail = await api<{ title: string; sections: Array<{ id: string; number: string; level: number; departmentName: string; status: string; words: number }> }>(server, `/api/summaries/${created.body.id}`, { token: editor })
    expect(detail.body.title).toBe('园区工会2026年工会工作总结')
    expect(detail.body.sections.map((section) => [section.id, section.number, section.level, section.departmentName, section.status])).toEqual([
      ['work', '一、', 1, '工会办公室', 'drafting'],
      ['women', '（一）', 2, '女工委员会', 'drafting'],
      ['care', '1.', 3, '女工委员会', 'drafting'],
      ['next', '二、', 1, '工会办公室', 'drafting'],
    ])
    const departments = await api<Array<{ name: string }>>(server, '/api/departments', { token: admin })
    expect(departments.body.map((department) => department.name)).toContain('女工委员会')
  })

  it('lets an uploaded template replace the built-in of the same id, across restarts', async () => {
    const own = await startTestServer()
    const token = await login(own, 'admin')
    const replacement = { ...unionTemplate, id: 'park-annual', title: '{organisation}{year}年园区工作总结（本单位版）' }
    expect((await api(own, '/api/templates', { token, body: replacement })).status).toBe(201)
    await own.close()
    const again = await startTestServer(own.dataDir)
    const listed = await api<Array<{ id: string; title: string; builtin: boolean; deletable: boolean }>>(again, '/api/templates', { token: await login(again, 'admin') })
    // Replaced, it is still a built-in id: it cannot be deleted (see 删除模板).
    expect(listed.body.find((template) => template.id === 'park-annual')).toEqual({ id: 'park-annual', title: replacement.title, builtin: false, deletable: false })
    await again.close()
  })

  it('builds a 半年总结 from a year’s template: its title, 上半年 in the seeded text and 下半年工作打算', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2025, organisation: '半年园区', period: 'half' } })
    expect(created.status).toBe(201)
    const detail = await api<{ title: string; period?: string; sections: Array<{ id: string; number: string; title: string }> }>(server, `/api/summaries/${created.body.id}`, { token: admin })
    expect(detail.body).toMatchObject({ title: '半年园区2025年上半年工作总结和下半年工作打算', period: 'half' })
    expect(detail.body.sections.find((section) => section.id === 'plan')).toMatchObject({ number: '三、', title: '下半年工作打算' })
    const text = await (await fetch(`${server.url}/api/summaries/${created.body.id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()
    expect(text).toContain('上半年新签工业项目【待填：新签工业项目】')
    expect(text).not.toContain('全年新签')
    // A year's summary says nothing of a period; an unknown one is refused.
    expect((await api<{ period?: string }>(server, `/api/summaries/${await demoSummaryIdOf()}`, { token: admin })).body.period).toBeUndefined()
    expect((await api(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '季度园区', period: 'quarter' } })).status).toBe(400)
  })

  it('starts with built-in templates for a park, a trade union, a school, an 应急管理 office, a 供销社 and a 乡镇, each ready to build a summary', async () => {
    const listed = await api<Array<{ id: string; builtin: boolean }>>(server, '/api/templates', { token: admin })
    expect(listed.body[0]!.id).toBe('park-annual') // the one the form offers first
    // In their own order, whatever millisecond they were saved in (ids alone would put 供销社 first).
    expect(listed.body.filter((template) => template.builtin).map((template) => template.id)).toEqual(['park-annual', 'union-year-end', 'school-year-end', 'emergency-year-end', 'coop-year-end', 'township-year-end'])
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'school-year-end', year: 2026, organisation: '青山实验小学' } })
    expect(created.status).toBe(201)
    const detail = await api<{ title: string; sections: Array<{ id: string; number: string; departmentName: string }> }>(server, `/api/summaries/${created.body.id}`, { token: admin })
    expect(detail.body.title).toBe('青山实验小学2026年工作总结')
    expect(detail.body.sections.slice(0, 4).map((section) => [section.number, section.id, section.departmentName])).toEqual([
      ['', 'lead', '校长办公室'], // 导语: the opening before 一、, unnumbered
      ['一、', 'overview', '校长办公室'],
      ['（一）', 'party', '党支部'],
      ['（二）', 'teaching', '教务处'],
    ])
    const departments = await api<Array<{ name: string }>>(server, '/api/departments', { token: admin })
    expect(departments.body.map((department) => department.name)).toEqual(expect.arrayContaining(['校长办公室', '德育处', '校工会']))
    for (const [templateId, organisation, title, figure] of [
      ['emergency-year-end', '青山县应急管理局', '青山县应急管理局2026年安全生产和应急管理工作总结', '【待填：全年发生生产安全事故】'],
      ['coop-year-end', '青山县供销合作社', '2026年青山县供销合作社工作总结', '【待填：实现销售总额】'],
      ['township-year-end', '青山镇人民政府', '青山镇人民政府2026年工作总结和2027年工作计划', '【待填：矛盾纠纷化解率】'],
    ]) {
      const built = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId, year: 2026, organisation } })
      expect(built.status).toBe(201)
      expect((await api<{ title: string }>(server, `/api/summaries/${built.body.id}`, { token: admin })).body.title).toBe(title)
      expect(await (await fetch(`${server.url}/api/summaries/${built.body.id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()).toContain(figure)
    }
    // No figures yet: the seeded sentences show gaps, never 0, and the preflight names them.
    const text = await (await fetch(`${server.url}/api/summaries/${created.body.id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()
    expect(text).toContain('【待填：在校学生】')
    // 字数 counts the text as exported, as Word would: 全年改善办学条件投入【待填：改善办学条件投入】。 is 24.
    const after = await api<{ sections: Array<{ id: string; words: number }> }>(server, `/api/summaries/${created.body.id}`, { token: admin })
    expect(after.body.sections.find((section) => section.id === 'logistics')!.words).toBe(24)
    const preflight = await api<{ problems: Array<{ kind: string; key?: string }> }>(server, `/api/summaries/${created.body.id}/preflight`, { token: admin })
    expect(preflight.body.problems).toContainEqual(expect.objectContaining({ kind: 'missing-indicator', key: 'facility_investment' }))
  })

  it('builds next year’s summary from this year’s: same outline, writing again, this year’s figures as 上年', async () => {
    const summaries = await api<Array<{ id: string; templateId: string; year: number }>>(server, '/api/summaries', { token: admin })
    const thisYear = summaries.body.find((summary) => summary.templateId === 'park-annual' && summary.year === 2026)!
    const before = await api<{ sections: Array<{ id: string; number: string; title: string; departmentId: string }> }>(server, `/api/summaries/${thisYear.id}`, { token: admin })
    expect((await api(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '青山工业园区管理委员会', basedOn: 'no-such-summary' } })).status).toBe(404)
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '青山工业园区管理委员会', basedOn: thisYear.id } })
    expect(created.status).toBe(201)
    const next = await api<{ title: string; sections: Array<{ id: string; number: string; title: string; departmentId: string; status: string }> }>(server, `/api/summaries/${created.body.id}`, { token: admin })
    expect(next.body.title).toBe('青山工业园区管理委员会2027年度工作总结')
    expect(next.body.sections.map(({ id, number, title, departmentId }) => ({ id, number, title, departmentId }))).toEqual(before.body.sections.map(({ id, number, title, departmentId }) => ({ id, number, title, departmentId })))
    expect(new Set(next.body.sections.map((section) => section.status))).toEqual(new Set(['drafting']))
    const figures = await api<Array<{ key: string; value: number | null; previous: number | null }>>(server, `/api/summaries/${created.body.id}/indicators`, { token: admin })
    expect(figures.body.find((figure) => figure.key === 'new_projects')).toMatchObject({ value: null, previous: 18 })
    expect((await api(server, `/api/summaries/${created.body.id}/indicators`, { token: admin, method: 'PUT', body: { values: [{ key: 'new_projects', value: 24 }] } })).status).toBe(200)
    const text = await (await fetch(`${server.url}/api/summaries/${created.body.id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()
    expect(text).toContain('全年新签工业项目24个，同比增长33.3%')
    expect(text).not.toContain('全年新签工业项目18个') // last year's text is not carried over
    // …but each section of last year can be read beside this year's, figures as printed then.
    const earlier = await api<{ heading: string; text: string; html: string }>(server, `/api/summaries/${thisYear.id}/sections/investment/text`, { token: editor })
    expect(earlier.body.heading).toBe('（二）招商引资取得新突破')
    expect(earlier.body.text).toContain('　　全年新签工业项目18个，同比增长20.0%')
    // …and as the HTML export writes it, its table of figures a table.
    expect(earlier.body.html).toMatch(/^<p>全年新签工业项目<span class="figure">18个<\/span>，.*<\/p><table><thead><tr><th>指标<\/th>/)
    expect((await api(server, `/api/summaries/${thisYear.id}/sections/no-such-section/text`, { token: editor })).status).toBe(404)
  })

  it('continues last year’s 半年总结 as this year’s, and words a summary of the other period for its own', async () => {
    type Detail = { title: string; period?: string; sections: Array<{ id: string; title: string }> }
    type Figure = { key: string; value: number | null; previous: number | null }
    const create = async (body: Record<string, unknown>) => (await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', organisation: '续写园区', ...body } })).body.id
    const detail = async (id: string) => (await api<Detail>(server, `/api/summaries/${id}`, { token: admin })).body
    const figure = async (id: string, key: string) => (await api<Figure[]>(server, `/api/summaries/${id}/indicators`, { token: admin })).body.find((entry) => entry.key === key)
    const text = async (id: string) => (await fetch(`${server.url}/api/summaries/${id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()

    const lastHalf = await create({ year: 2025, period: 'half' })
    expect((await api(server, `/api/summaries/${lastHalf}/indicators`, { token: admin, method: 'PUT', body: { values: [{ key: 'new_projects', value: 9 }] } })).status).toBe(200)
    // Half after half: the first half's figures are 上年, the sentence still says 上半年.
    const thisHalf = await create({ year: 2026, period: 'half', basedOn: lastHalf })
    expect(await detail(thisHalf)).toMatchObject({ title: '续写园区2026年上半年工作总结和下半年工作打算', period: 'half' })
    expect((await detail(thisHalf)).sections.find((section) => section.id === 'plan')!.title).toBe('下半年工作打算')
    expect(await figure(thisHalf, 'new_projects')).toMatchObject({ value: null, previous: 9 })
    expect(await text(thisHalf)).toContain('上半年新签工业项目【待填：新签工业项目】')

    // A year's summary continuing a half-year's: its own words, and no half-year figure as 上年.
    const year = await create({ year: 2026, basedOn: lastHalf })
    const annual = await detail(year)
    expect(annual.title).toBe('续写园区2026年度工作总结')
    expect(annual.period).toBeUndefined()
    expect(annual.sections.find((section) => section.id === 'plan')!.title).toBe('下一年度工作打算')
    expect(await figure(year, 'new_projects')).toMatchObject({ value: null, previous: null })
    expect(await text(year)).toContain('全年新签工业项目【待填：新签工业项目】')

    // And a 半年总结 continuing last year's 年度总结.
    const half = await create({ year: 2027, period: 'half', basedOn: year })
    expect(await detail(half)).toMatchObject({ title: '续写园区2027年上半年工作总结和下半年工作打算', period: 'half' })
    expect((await detail(half)).sections.find((section) => section.id === 'plan')!.title).toBe('下半年工作打算')
  })

  it('moves the years in titles on: a template’s {nextYear}, a summary saved as a template, and next year’s summary', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '年份园区' } })
    const id = created.body.id
    expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { title: '年份园区2026年工作总结和2027年工作打算' } })).status).toBe(200)
    expect((await api(server, `/api/summaries/${id}/sections/plan`, { token: admin, method: 'PATCH', body: { title: '2027年工作打算', hint: '对照2026年目标，较2025年的做法有哪些改进；自2018年建园以来' } })).status).toBe(200)

    const template = await api<{ title: string; sections: Array<{ id: string; title: string; hint?: string }> }>(server, `/api/summaries/${id}/template`, { token: admin })
    expect(template.body.title).toBe('{organisation}{year}年工作总结和{nextYear}年工作打算')
    const plan = template.body.sections.find((section) => section.id === 'plan')!
    expect([plan.title, plan.hint]).toEqual(['{nextYear}年工作打算', '对照{year}年目标，较{lastYear}年的做法有哪些改进；自2018年建园以来'])
    expect((await api(server, `/api/summaries/${id}/template`, { token: admin, body: { id: 'years-park' } })).status).toBe(201)
    const fromTemplate = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'years-park', year: 2030, organisation: '另一园区' } })
    const built = await api<{ title: string; sections: Array<{ id: string; title: string; hint: string }> }>(server, `/api/summaries/${fromTemplate.body.id}`, { token: admin })
    expect(built.body.title).toBe('另一园区2030年工作总结和2031年工作打算')
    expect(built.body.sections.find((section) => section.id === 'plan')).toMatchObject({ title: '2031年工作打算', hint: '对照2030年目标，较2029年的做法有哪些改进；自2018年建园以来' })

    const next = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2027, organisation: '年份园区', basedOn: id } })
    const continued = await api<{ title: string; sections: Array<{ id: string; title: string; hint: string }> }>(server, `/api/summaries/${next.body.id}`, { token: admin })
    expect(continued.body.title).toBe('年份园区2027年工作总结和2028年工作打算')
    expect(continued.body.sections.find((section) => section.id === 'plan')).toMatchObject({ title: '2028年工作打算', hint: '对照2027年目标，较2026年的做法有哪些改进；自2018年建园以来' })
  })

  it('archives a summary: it leaves the list (but not ?archived=1) and comes back when unarchived', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2025, organisation: '归档测试园区' } })
    const id = created.body.id
    const listed = async (query = '') => (await api<Array<{ id: string; archivedAt?: number }>>(server, `/api/summaries${query}`, { token: editor })).body.find((summary) => summary.id === id)
    expect(await listed()).toBeDefined()
    expect((await listed())!.archivedAt).toBeUndefined()
    expect((await api(server, `/api/summaries/${id}`, { token: editor, method: 'PATCH', body: { archived: true } })).status).toBe(403)
    expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { archived: 'yes' } })).status).toBe(400)
    expect((await api<{ archivedAt?: number }>(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { archived: true } })).body.archivedAt).toEqual(expect.any(Number))
    expect(await listed()).toBeUndefined()
    expect((await listed('?archived=1'))!.archivedAt).toEqual(expect.any(Number))
    expect((await api(server, `/api/summaries/${id}`, { token: editor })).status).toBe(200) // still there to read
    expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { archived: false } })).status).toBe(200)
    expect(await listed()).toBeDefined()
    expect((await api(server, '/api/summaries/no-such-summary', { token: admin, method: 'PATCH', body: { archived: true } })).status).toBe(404)
  })

  it('renames a summary: the list, the detail, open editors and the export follow', async () => {
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '改名园区' } })
    const id = created.body.id
    const reader = connect(server, id, editor)
    await synced(reader)
    const title = '改名园区2026年工作总结和2027年工作打算'
    expect((await api(server, `/api/summaries/${id}`, { token: editor, method: 'PATCH', body: { title } })).status).toBe(403)
    expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { title: '  ' } })).status).toBe(400)
    expect((await api(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: {} })).status).toBe(400)
    expect((await api<{ title: string }>(server, `/api/summaries/${id}`, { token: admin, method: 'PATCH', body: { title } })).body.title).toBe(title)
    await waitFor(() => reader.doc.getMap('meta').get('title') === title, 5000, 'the new title in an open editor')
    expect((await api<Array<{ id: string; title: string }>>(server, '/api/summaries', { token: editor })).body.find((summary) => summary.id === id)!.title).toBe(title)
    expect((await api<{ title: string }>(server, `/api/summaries/${id}`, { token: editor })).body.title).toBe(title)
    const text = await (await fetch(`${server.url}/api/summaries/${id}/export?format=txt`, { headers: { authorization: `Bearer ${admin}` } })).text()
    expect(text.startsWith(`${title}\n`)).toBe(true)
    reader.destroy()
  })

  it('keeps backups with SQLite and sends PostgreSQL operators to pg_dump', async () => {
    const answer = await api<{ error?: { code: string; message: string } }>(server, '/api/backups', { token: admin })
    if (process.env.TEST_POSTGRES === '1') expect([answer.status, answer.body.error?.code]).toEqual([409, 'backups-unavailable'])
    else expect(answer.status).toBe(200)
  })

  it('saves a summary’s outline and figures as a template that builds the same skeleton', async () => {
    const summaries = await api<Array<{ id: string; templateId: string; year: number; organisation: string }>>(server, '/api/summaries', { token: admin })
    const source = summaries.body.find((summary) => summary.templateId === 'park-annual' && summary.year === 2026 && summary.organisation === '青山工业园区管理委员会')!
    const before = await api<{ sections: Array<{ id: string; title: string; level: number; departmentName: string }> }>(server, `/api/summaries/${source.id}`, { token: admin })
    expect((await api(server, `/api/summaries/${source.id}/template`, { token: editor, body: { id: 'qingshan-park' } })).status).toBe(403)
    const saved = await api<{ id: string; title: string }>(server, `/api/summaries/${source.id}/template`, { token: admin, body: { id: 'qingshan-park' } })
    expect(saved.status).toBe(201)
    expect(saved.body).toEqual({ id: 'qingshan-park', title: '{organisation}{year}年度工作总结' })
    const template = await api<{ sections: Array<{ id: string; children?: Array<{ id: string; indicators?: string[] }> }>; indicators: Array<{ key: string }> }>(server, '/api/templates/qingshan-park', { token: admin })
    expect(template.body.sections[0]!.children!.find((section) => section.id === 'investment')!.indicators).toEqual(['new_projects', 'agreed_funds', 'arrived_funds'])
    expect(template.body.indicators.map((indicator) => indicator.key)).toContain('union_events')
    // A summary built from it has the same skeleton, numbers, departments and all.
    const built = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'qingshan-park', year: 2028, organisation: '青山工业园区管理委员会' } })
    expect(built.status).toBe(201)
    const after = await api<{ title: string; sections: Array<{ id: string; title: string; level: number; departmentName: string }> }>(server, `/api/summaries/${built.body.id}`, { token: admin })
    expect(after.body.title).toBe('青山工业园区管理委员会2028年度工作总结')
    const shape = (sections: typeof before.body.sections) => sections.map(({ id, title, level, departmentName }) => ({ id, title, level, departmentName }))
    expect(shape(after.body.sections)).toEqual(shape(before.body.sections))
    // The id is not taken over by surprise.
    const again = await api<{ error: { code: string } }>(server, `/api/summaries/${source.id}/template`, { token: admin, body: { id: 'qingshan-park' } })
    expect([again.status, again.body.error.code]).toEqual([409, 'template-exists'])
    expect((await api(server, `/api/summaries/${source.id}/template`, { token: admin, body: { id: 'qingshan-park', title: '青山园区年度总结（{year}）', replace: true } })).status).toBe(201)
    expect((await api(server, `/api/summaries/${source.id}/template`, { token: admin, body: { id: 'bad id' } })).status).toBe(400)
    // Downloadable as JSON, to edit and upload elsewhere.
    const download = await api<{ id: string; sections: unknown[] }>(server, `/api/summaries/${source.id}/template`, { token: admin })
    expect(download.body.id).toBe('park-annual-custom')
    expect(download.body.sections.length).toBe(template.body.sections.length)
  })

  it('counts words of what departments wrote in the summary detail', async () => {
    const summaries = await api<Array<{ id: string; templateId: string }>>(server, '/api/summaries', { token: admin })
    const park = summaries.body.find((summary) => summary.templateId === 'park-annual')!
    const client = connect(server, park.id, editor)
    await synced(client)
    writeParagraph(client.doc, 'plan-investment', '全年新签工业项目18个')
    await waitFor(() => sectionText(client.doc, 'plan-investment').includes('18个'))
    await expect
      .poll(async () => (await api<{ sections: Array<{ id: string; words: number }> }>(server, `/api/summaries/${park.id}`, { token: admin })).body.sections.find((section) => section.id === 'plan-investment')!.words)
      .toBe(10)
    client.destroy()
  })

  it('reads the outline of last year’s Word summary as a template to save and build from', async () => {
    const lines = ['青山工业园区管理委员会2025年度工作总结', '2025年，园区认真贯彻落实上级决策部署，现将工作总结如下：', '一、主要工作完成情况', '（一）招商引资取得新突破。全年新签项目20个。', '（二）项目建设提速增效', '二、存在的问题和不足', '三、2026年工作打算']
    const word = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }))
    const upload = (query: string, body: BodyInit, type: string | null, token = admin) =>
      fetch(`${server.url}/api/templates/from-docx${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) }, body })
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    const answer = await upload('?id=qingshan-2025', new Uint8Array(word), DOCX)
    expect(answer.status).toBe(200)
    const template = (await answer.json()) as { id: string; title: string; sections: Array<{ id: string; title: string; lead?: boolean; children?: Array<{ title: string }> }> }
    expect(template.title).toBe('{organisation}{year}年度工作总结')
    expect(template.sections.map((section) => section.title)).toEqual(['导语', '主要工作完成情况', '存在的问题和不足', '{nextYear}年工作打算'])
    expect(template.sections[1]!.children!.map((child) => child.title)).toEqual(['招商引资取得新突破', '项目建设提速增效'])
    // Nothing is stored until the office saves it; then it builds a summary like any template.
    expect((await api(server, '/api/templates/qingshan-2025', { token: admin })).status).toBe(404)
    expect((await api(server, '/api/templates', { token: admin, body: template })).status).toBe(201)
    const created = await api<{ id: string }>(server, '/api/summaries', { token: admin, body: { templateId: 'qingshan-2025', year: 2026, organisation: '青山工业园区管理委员会' } })
    const summary = await api<{ title: string; sections: Array<{ number: string; title: string }> }>(server, `/api/summaries/${created.body.id}`, { token: admin })
    expect(summary.body.title).toBe('青山工业园区管理委员会2026年度工作总结')
    expect(summary.body.sections.map((section) => `${section.number}${section.title}`)).toEqual(['导语', '一、主要工作完成情况', '（一）招商引资取得新突破', '（二）项目建设提速增效', '二、存在的问题和不足', '三、2027年工作打算'])

    // A multipart upload works too; what cannot be read is refused clearly.
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(word)]), '2025年总结.docx')
    expect((await upload('?id=from-form&levels=1', form, null)).status).toBe(200)
    const refused = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error
    expect(await refused(await upload('?id=x', new Uint8Array([80, 75, 3, 4, 9, 9]), DOCX))).toMatchObject({ code: 'invalid-docx', message: 'Word 文件无法读取：文件可能已损坏，或不是 .docx 格式' })
    const old = new FormData()
    old.append('file', new Blob(['x']), '总结.doc')
    expect((await refused(await upload('?id=x', old, null))).code).toBe('invalid-docx')
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('没有编号的一段话。')] })] }] }))
    expect((await refused(await upload('?id=x', new Uint8Array(plain), DOCX))).code).toBe('no-headings')
    // Headings numbered by a Word list (一、 not typed, only in numbering.xml) are headings too.
    const listed = (text: string, level: number) => new Paragraph({ numbering: { reference: 'gbt', level }, children: [new TextRun(text)] })
    const autoNumbered = await Packer.toBuffer(new Document({
      numbering: { config: [{ reference: 'gbt', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }, { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' }] }] },
      sections: [{ children: [new Paragraph({ children: [new TextRun(lines[0]!)] }), listed('主要工作完成情况', 0), listed('招商引资取得新突破。全年新签项目20个。', 1), listed('项目建设提速增效', 1), listed('存在的问题和不足', 0)] }],
    }))
    const fromList = (await (await upload('?id=auto-numbered', new Uint8Array(autoNumbered), DOCX)).json()) as typeof template
    expect(fromList.sections.map((section) => section.title)).toEqual(['主要工作完成情况', '存在的问题和不足'])
    expect(fromList.sections[0]!.children!.map((child) => child.title)).toEqual(['招商引资取得新突破', '项目建设提速增效'])
    expect((await upload('?id=bad id', new Uint8Array(word), DOCX)).status).toBe(400)
    expect((await upload('?id=x&levels=9', new Uint8Array(word), DOCX)).status).toBe(400)
    expect((await upload('?id=x', new Uint8Array(word), DOCX, editor)).status).toBe(403)
    // A small file that would unpack to more than 64 MB is refused before anything unpacks it.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(70 * 1024 * 1024) }, { level: 9 })
    expect(bomb.byteLength).toBeLessThan(1024 * 1024)
    expect(await refused(await upload('?id=x', bomb, DOCX))).toMatchObject({ code: 'archive-too-large', message: '文件解压后过大（上限 64 MB），可能已损坏，请检查后重新上传' })
    expect((await api(server, '/api/me', { token: admin })).status).toBe(200)
  })

  it('answers unknown summaries, templates and routes with 404 in the error shape', async () => {
    expect((await api(server, '/api/summaries/nope', { token: admin })).status).toBe(404)
    expect((await api(server, '/api/summaries', { token: admin, body: { templateId: 'nope', year: 2026, organisation: '某单位' } })).status).toBe(404)
    const unknown = await api<{ error: { code: string } }>(server, '/api/nothing-here', { token: admin })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('not-found')
  })

  it('answers a request refused before its body is read only once the body is in, so the next request on the connection works', async () => {
    // fetch keeps the connection: answered while a large body was still arriving, it used to
    // fail the next request with ECONNRESET, about every other time.
    const post = async (body?: string) => {
      const response = await fetch(`${server.url}/api/summaries/nope/indicators/verify`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body })
      return [response.status, ((await response.json()) as { error: { code: string } }).error.code]
    }
    for (let round = 0; round < 6; round++) {
      expect(await post('x'.repeat(3_000_000))).toEqual([404, 'unknown-summary'])
      expect(await post('x'.repeat(10_000))).toEqual([404, 'unknown-summary'])
      expect(await post()).toEqual([404, 'unknown-summary'])
    }
  })
})
