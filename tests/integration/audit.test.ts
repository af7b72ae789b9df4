import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, connect, login, startTestServer, synced, waitFor } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let admin: string

interface Entry {
  id: number
  at: number
  actorId: string | null
  actorName: string
  action: string
  detail: string
  address: string
}

const audit = async (query = '') => (await api<Entry[]>(server, `/api/audit${query}`, { token: admin })).body

beforeAll(async () => {
  server = await startTestServer()
  admin = await login(server, 'admin')
})

afterAll(async () => {
  await server.close()
})

describe('安全审计', () => {
  it('keeps every sign-in, failed or not, with who and from where', async () => {
    expect((await api(server, '/api/login', { body: { username: 'invest', password: 'not-the-password' } })).status).toBe(401)
    expect((await api(server, '/api/login', { body: { username: 'nobody', password: 'whatever-1' } })).status).toBe(401)
    await login(server, 'invest')
    const entries = await audit()
    expect(entries.slice(0, 3).map(({ actorName, action, detail }) => [actorName, action, detail])).toEqual([
      ['张招商', 'login', '账号 invest'],
      ['nobody', 'login-failed', '用户名不存在'],
      ['invest', 'login-failed', '密码错误'],
    ])
    expect(entries[0]!.actorId).toEqual(expect.any(String))
    expect(entries[1]!.actorId).toBeNull()
    expect(entries[0]!.address).toMatch(/127\.0\.0\.1/)
    // Newest first; an earlier page by time.
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort((a, b) => b - a))
    expect((await audit(`?before=${entries[0]!.at}`)).every((entry) => entry.at < entries[0]!.at)).toBe(true)
    // The next page after an entry: everything after it, whatever millisecond they share.
    expect(await audit(`?before=${entries[0]!.at}&beforeId=${entries[0]!.id}`)).toEqual(entries.slice(1))
  })

  it('keeps password changes and the admin’s changes to accounts and departments', async () => {
    const writer = await login(server, 'safety')
    expect((await api(server, '/api/me/password', { token: writer, body: { currentPassword: 'wrong-one-1', newPassword: 'new-password-1' } })).status).toBe(400)
    expect((await api(server, '/api/me/password', { token: writer, body: { currentPassword: 'huizong2026', newPassword: 'new-password-1' } })).status).toBe(200)
    const users = (await api<Array<{ id: string; username: string }>>(server, '/api/users', { token: admin })).body
    const viewer = users.find((user) => user.username === 'viewer')!
    expect((await api(server, `/api/users/${viewer.id}`, { token: admin, method: 'PATCH', body: { role: 'leader', disabled: true, password: 'reset-pass-1' } })).status).toBe(200)
    expect((await api(server, '/api/departments', { token: admin, body: { name: '审计科' } })).status).toBe(201)
    const entries = (await audit()).slice(0, 4).map(({ actorName, action, detail }) => [actorName, action, detail])
    expect(entries).toEqual([
      ['系统管理员', 'department-create', '新建部门“审计科”'],
      ['系统管理员', 'user-update', '用户 viewer：角色 只读→领导、停用、重置密码'],
      ['孙安监', 'password-change', '修改了自己的密码，其他登录已退出'],
      ['孙安监', 'password-change-failed', '当前密码不正确'],
    ])
    // A disabled account trying to sign in is kept too.
    expect((await api(server, '/api/login', { body: { username: 'viewer', password: 'reset-pass-1' } })).status).toBe(403)
    expect((await audit())[0]).toMatchObject({ action: 'login-failed', detail: '账号 viewer 已停用' })
  })

  it('tells a user when and from where they last signed in, and how often someone failed to since', async () => {
    const first = await login(server, 'build')
    const signIns = async (token: string) => (await api<{ previous: { at: number; address: string } | null; failedSince: number }>(server, '/api/me/sign-ins', { token })).body
    expect(await signIns(first)).toEqual({ previous: null, failedSince: 0 })
    const firstAt = (await audit())[0]!.at
    expect((await api(server, '/api/login', { body: { username: 'build', password: 'someone-guessing' } })).status).toBe(401)
    expect((await api(server, '/api/login', { body: { username: 'build', password: 'guessing-again' } })).status).toBe(401)
    const second = await login(server, 'build')
    const seen = await signIns(second)
    expect(seen.previous).toEqual({ at: firstAt, address: expect.stringMatching(/127\.0\.0\.1/) })
    expect(seen.failedSince).toBe(2)
    expect((await signIns(await login(server, 'build'))).failedSince).toBe(0)
  })

  it('is the admin’s alone, and downloads as a workbook', async () => {
    expect((await api(server, '/api/audit', { token: await login(server, 'leader') })).status).toBe(403)
    expect((await api(server, '/api/audit')).status).toBe(401)
    expect((await api(server, '/api/audit?before=yesterday', { token: admin })).status).toBe(400)
    expect((await api(server, '/api/audit?beforeId=3', { token: admin })).status).toBe(400)
    const response = await fetch(`${server.url}/api/audit?format=xlsx`, { headers: { authorization: `Bearer ${admin}` } })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const rows = workbook.worksheets[0]!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))
    expect(rows[0]).toEqual(['时间', '操作人', '操作', '内容', '地址'])
    expect(rows.some((row) => row[2] === '登录失败' && row[3] === '密码错误')).toBe(true)
    // The admin's own sign-in is there too.
    expect(rows.some((row) => row[1] === '系统管理员' && row[2] === '登录')).toBe(true)
  })
})

describe('登录设备', () => {
  interface Session { id: string; address: string; agent: string; current: boolean; createdAt: number; lastSeenAt: number }
  const signInWith = async (agent: string): Promise<string> => {
    const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': agent }, body: JSON.stringify({ username: 'economy', password: 'huizong2026' }) })
    return ((await response.json()) as { token: string }).token
  }
  const sessions = async (token: string) => (await api<Session[]>(server, '/api/me/sessions', { token })).body

  it('lists a user’s sign-ins with where and in what, and ends one elsewhere, closing its pages', async () => {
    const office = await signInWith('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0')
    const phone = await signInWith('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40')
    const listed = await sessions(phone)
    expect(listed.map(({ agent, current }) => [agent, current]).sort()).toEqual([['Edge · Windows', false], ['微信 · iPhone', true]])
    expect(listed.every((session) => /127\.0\.0\.1/.test(session.address) && session.id.length === 16)).toBe(true)
    const summaryId = (await api<Array<{ id: string }>>(server, '/api/summaries', { token: office })).body[0]!.id
    const page = connect(server, summaryId, office)
    await synced(page)

    const left = listed.find((session) => !session.current)!
    const current = listed.find((session) => session.current)!
    expect((await api<{ error: { code: string } }>(server, `/api/me/sessions/${current.id}`, { token: phone, method: 'DELETE' })).body.error.code).toBe('current-session')
    // Nobody ends someone else's session.
    expect((await api(server, `/api/me/sessions/${left.id}`, { token: await login(server, 'party'), method: 'DELETE' })).status).toBe(404)
    expect((await api(server, `/api/me/sessions/${left.id}`, { token: phone, method: 'DELETE' })).status).toBe(200)
    expect((await api(server, '/api/me', { token: office })).status).toBe(401)
    await waitFor(() => page.closes.some((close) => close.code === 4401), 5000, 'the ended session’s page to close')
    page.destroy()
    expect((await audit())[0]).toMatchObject({ action: 'logout', detail: expect.stringContaining('Edge · Windows') })

    // And every other one at once.
    const third = await signInWith('curl/8.0')
    expect((await sessions(phone)).length).toBe(2)
    expect(await api(server, '/api/me/sessions', { token: phone, method: 'DELETE' })).toEqual({ status: 200, body: { ended: 1 } })
    expect((await api(server, '/api/me', { token: third })).status).toBe(401)
    expect((await sessions(phone)).map((session) => session.current)).toEqual([true])
  })

  it('closes the pages of a sign-in that logs out at once, and only those', async () => {
    const office = await signInWith('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0')
    const phone = await signInWith('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148')
    const summaryId = (await api<Array<{ id: string }>>(server, '/api/summaries', { token: office })).body[0]!.id
    const [otherTab, onPhone] = [connect(server, summaryId, office), connect(server, summaryId, phone)]
    await Promise.all([synced(otherTab), synced(onPhone)])
    expect((await api(server, '/api/logout', { token: office, method: 'POST' })).status).toBe(200)
    // Not at the next round of checks (30 s): a tab left open on the ended sign-in writes no more.
    await waitFor(() => otherTab.closes.some((close) => close.code === 4401), 2000, 'the other tab of the ended sign-in to close')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(onPhone.closes).toEqual([])
    otherTab.destroy()
    onPhone.destroy()
  })
})

describe('behind a reverse proxy', () => {
  const signIn = (target: { url: string }, headers: Record<string, string>) =>
    fetch(`${target.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'union', password: 'huizong2026' }) })
  const proxied = { 'x-forwarded-for': '203.0.113.9, 10.20.30.40', 'x-forwarded-proto': 'https' }

  it('takes the address the proxy appended and a Secure cookie over HTTPS, with TRUST_PROXY=1', async () => {
    const behind = await startTestServer(undefined, { TRUST_PROXY: '1' })
    try {
      const response = await signIn(behind, proxied)
      expect(response.status).toBe(200)
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/i)
      const entries = (await api<Entry[]>(behind, '/api/audit', { token: await login(behind, 'admin') })).body
      expect(entries.find((entry) => entry.detail === '账号 union')?.address).toBe('10.20.30.40')
    } finally {
      await behind.close()
    }
  })

  it('ignores what a client says of itself without it', async () => {
    const response = await signIn(server, proxied)
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).not.toMatch(/; Secure/i)
    expect((await audit()).find((entry) => entry.detail === '账号 union')?.address).toMatch(/127\.0\.0\.1/)
  })
})

