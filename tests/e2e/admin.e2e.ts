import { readFileSync } from 'node:fs'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, DEMO_PASSWORD, api, login, startTestServer } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

/** The admin signed in, on 系统管理. */
const openAdminPage = async () => {
  const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
  await page.goto(`${suite.server.url}/admin`)
  return page
}

describe('the first start of an office without the demo', () => {
  it('shows the admin the first steps on the empty list, each a link to its place on 系统管理', async () => {
    const server = await startTestServer(undefined, { HUIZONG_DEMO: '0' })
    const page = await (await suite.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage()
    try {
      await page.goto(`${server.url}/login`)
      await page.fill('input[name="username"]', 'admin')
      await page.fill('input[name="password"]', ADMIN_PASSWORD)
      await page.click('button[type="submit"]')
      const steps = page.locator('[data-first-steps]')
      await expect.poll(() => steps.count()).toBe(1)
      expect(await steps.locator('li').allInnerTexts()).toEqual([
        expect.stringMatching(/^添加各部门的撰写人/),
        expect.stringMatching(/^从模板新建总结/),
        expect.stringMatching(/^打开总结，在“编辑提纲”中/),
      ])
      // The cards below the users load their own lists, here slowly (as on a busy server): until
      // they have, the page is too short to bring the users to the top.
      await page.route(/\/api\/(audit|backups)/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800))
        await route.continue()
      })
      await steps.getByRole('link', { name: '添加各部门的撰写人' }).click()
      await page.waitForURL(`${server.url}/admin#users`)
      // It lands on the users, the fourth card, not at the top of the page.
      await expect.poll(() => page.locator('#users h2').evaluate((heading) => Math.round(heading.getBoundingClientRect().top))).toBeLessThan(120)
    } finally {
      await page.context().close()
      await server.close()
    }
  })
})

describe('creating a summary from a built-in template', () => {
  it('previews the school template’s outline and new departments, then builds the summary, lead first', async () => {
    const page = await openAdminPage()
    await page.waitForSelector('[data-preview-section="overview"]')
    await page.selectOption('select[name="templateId"]', 'school-year-end')
    await expect.poll(() => page.locator('[data-preview-section="teaching"]').innerText()).toContain('（二）教育教学质量稳步提升')
    expect(await page.locator('[data-preview-section="teaching"]').innerText()).toContain('教务处')
    // The demo organisation is a park: the school's offices are not there yet.
    expect(await page.locator('[data-new-departments]').innerText()).toContain('校长办公室')
    await page.fill('input[name="organisation"]', '青山实验小学')
    await screenshot(page, 'admin-template-preview')
    await page.click('form button.primary')
    await page.waitForURL(/\/s\//)
    await expect.poll(() => page.locator('.summary-title').innerText()).toBe('青山实验小学2026年工作总结')
    // The school template opens with a lead (导语): first, unnumbered, marked as such.
    expect(await page.locator('[data-section-id]').first().getAttribute('data-section-id')).toBe('lead')
    expect(await page.locator('[data-section-id="lead"] .section-title').innerText()).toBe('导语')
    await page.waitForSelector('[data-section-id="lead"] [data-lead]')
    expect(await page.locator('[data-section-id="overview"] .section-title').innerText()).toBe('一、主要工作完成情况')
    await page.waitForSelector('[data-section-id="logistics"] .ProseMirror')
    expect(await page.locator('[data-section-id="logistics"] .ProseMirror').innerText()).toContain('【待填：改善办学条件投入】')
    // The list shows where each summary stands: the new one has 14 sections, none final yet.
    const summaryId = page.url().split('/s/')[1]!
    await page.goto(`${suite.server.url}/`)
    await expect.poll(() => page.locator(`[data-standing="${summaryId}"]`).innerText()).toContain('已定稿 0/14 节')
    // And, for the reader's own department (the admin is in 办公室, which writes three of the demo's sections).
    await expect.poll(() => page.locator(`[data-own-standing="${suite.summaryId}"]`).innerText()).toContain('本部门（办公室）：3 节')
    expect(await page.locator(`[data-own-standing="${summaryId}"]`).count()).toBe(0) // the school has no 办公室
  })
})

describe('accounts', () => {
  it('lets a writer change their password and the admin disable an account', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'party', 'huizong2026')
    // The demo's shared password is an initial one: the list asks to replace it, the admin sees who has not.
    await writer.goto(`${suite.server.url}/`)
    await expect.poll(() => writer.locator('[data-initial-password]').innerText()).toContain('初始密码')
    await writer.click('[data-action="change-password"]')
    await writer.fill('input[name="currentPassword"]', 'huizong2026')
    await writer.fill('input[name="newPassword"]', 'party-password-2027')
    await writer.fill('input[name="repeatPassword"]', 'party-password-2027')
    await writer.click('.dialog button.primary')
    await expect.poll(() => writer.locator('.dialog .success').innerText()).toContain('密码已修改')
    expect(await writer.locator('[data-initial-password]').count()).toBe(0)
    // 系统管理 is not theirs: its address leads back to their list, not to forms that all fail.
    await writer.goto(`${suite.server.url}/admin`)
    await writer.waitForURL(`${suite.server.url}/`)
    expect(await writer.locator('[data-user]').count()).toBe(0)
    const login = (password: string) => fetch(`${suite.server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'party', password }) })
    expect((await login('huizong2026')).status).toBe(401)
    expect((await login('party-password-2027')).status).toBe(200)

    const admin = await openAdminPage()
    await admin.waitForSelector('[data-user="party"]')
    expect(await admin.locator('[data-user="party"] [data-initial-password]').count()).toBe(0)
    expect(await admin.locator('[data-user="union"] [data-initial-password]').innerText()).toBe('未改初始密码')
    admin.on('dialog', (dialog) => void dialog.accept())
    await admin.click('[data-user="party"] [data-action="toggle-disabled"]')
    await admin.waitForSelector('[data-user="party"].disabled-user')
    expect(await admin.locator('[data-user="party"]').innerText()).toContain('已停用')
    expect(await admin.locator('[data-user="admin"] [data-action="toggle-disabled"]').isDisabled()).toBe(true)
    expect((await login('party-password-2027')).status).toBe(403)

    // A department renamed in 机构改革 keeps its people.
    admin.removeAllListeners('dialog')
    admin.on('dialog', (dialog) => void (dialog.type() === 'prompt' ? dialog.accept('党群工作部') : dialog.accept()))
    await admin.click('[data-department="党建办"] [data-action="rename-department"]')
    await admin.waitForSelector('[data-department="党群工作部"]')
    await expect.poll(() => admin.locator('[data-user="party"]').innerText()).toContain('已停用')
    expect(await admin.locator('[data-user="party"] select[name="userDepartment"] option:checked').innerText()).toBe('党群工作部')
  })
})

describe('importing users', () => {
  it('previews a list of people, imports it, and hands out the generated passwords once', async () => {
    const page = await openAdminPage()
    await page.waitForSelector('[data-user="admin"]')
    // A file over the limit is refused by the page itself, with the reason, before it is sent.
    const sent: string[] = []
    page.on('request', (request) => void (request.url().includes('/api/users/import') && sent.push(request.url())))
    await page.setInputFiles('input[name="usersFile"]', { name: '全部职工.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') })
    await expect.poll(() => page.locator('.error[role="alert"]').innerText()).toMatch(/^文件过大（上限 5 MB），请删去无关的内容/)
    expect(sent).toEqual([])
    const list = '\uFEFF用户名,姓名,部门,角色,初始密码\r\nchen.fw,陈服务,企业服务中心,,\r\nhe.ld,何主任,,领导,heleader-2026\r\n'
    await page.setInputFiles('input[name="usersFile"]', { name: '人员名单.csv', mimeType: 'text/csv', buffer: Buffer.from(list) })
    await expect.poll(() => page.locator('[data-import-preview]').innerText()).toContain('将新建 2 个用户，并新建部门：企业服务中心')
    expect(await page.locator('[data-import-preview] tbody tr').first().innerText()).toMatch(/chen\.fw\s+陈服务\s+企业服务中心\s+撰写人\s+自动生成/)
    // Nothing is created before the office confirms.
    expect(await page.locator('[data-user="chen.fw"]').count()).toBe(0)
    await page.click('[data-action="confirm-import"]')
    await expect.poll(() => page.locator('[data-import-result] [role="status"]').innerText()).toBe('已导入 2 人（人员名单.csv）')
    await page.waitForSelector('[data-user="chen.fw"]')
    expect(await page.locator('[data-department="企业服务中心"]').count()).toBe(1)
    const password = await page.locator('[data-created-user="chen.fw"] code').innerText()
    expect(await page.locator('[data-created-user="he.ld"]').innerText()).toContain('表中已给')
    await screenshot(page, 'admin-user-import')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-passwords"]')])
    expect(download.suggestedFilename()).toBe('新用户账号密码.csv')
    expect(readFileSync((await download.path())!, 'utf8')).toContain(`chen.fw,陈服务,企业服务中心,撰写人,${password}`)
    const login = await fetch(`${suite.server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chen.fw', password }) })
    expect(login.status).toBe(200)

    // The same list again is refused row by row, and nothing changes.
    await page.setInputFiles('input[name="usersFile"]', { name: '人员名单.csv', mimeType: 'text/csv', buffer: Buffer.from(list) })
    await expect.poll(() => page.locator('[data-user-import] [role="alert"]').innerText()).toContain('第 2 行 username：用户名“chen.fw”已被使用')
    expect(await page.locator('[data-import-preview]').count()).toBe(0)
  })
})

describe('半年总结', () => {
  it('builds a half-year summary: the preview and the summary say 下半年工作打算 and 上半年', async () => {
    const page = await openAdminPage()
    await page.waitForSelector('[data-preview-section="plan"]')
    await page.selectOption('select[name="period"]', 'half')
    await expect.poll(() => page.locator('[data-preview-section="plan"]').innerText()).toContain('三、下半年工作打算')
    await page.fill('input[name="year"]', '2025')
    await page.fill('input[name="organisation"]', '半年测试园区')
    await page.click('form button.primary')
    await page.waitForURL(/\/s\//)
    await expect.poll(() => page.locator('.summary-title').innerText()).toBe('半年测试园区2025年上半年工作总结和下半年工作打算')
    await expect.poll(() => page.locator('[data-section-id="investment"] .ProseMirror').innerText()).toContain('上半年新签工业项目')
    // Next July, continuing it: the form offers a 半年总结 again.
    const halfId = page.url().split('/s/')[1]!
    await page.goto(`${suite.server.url}/admin`)
    await page.waitForSelector('[data-preview-section]')
    expect(await page.inputValue('select[name="period"]')).toBe('year')
    await page.selectOption('select[name="basedOn"]', halfId)
    await expect.poll(() => page.inputValue('select[name="period"]')).toBe('half')
    expect(await page.inputValue('input[name="year"]')).toBe('2026')
  })
})

describe('next year', () => {
  it('starts next year’s summary from this year’s outline, with this year’s figures as 上年', async () => {
    const page = await openAdminPage()
    await page.waitForSelector('[data-preview-section]')
    await page.selectOption('select[name="basedOn"]', suite.summaryId)
    expect(await page.inputValue('input[name="year"]')).toBe('2027')
    expect(await page.inputValue('input[name="organisation"]')).toBe('青山工业园区管理委员会')
    expect(await page.locator('[data-based-on-note]').innerText()).toContain('青山工业园区管理委员会2026年度工作总结')
    await page.click('form button.primary')
    await page.waitForURL(/\/s\//)
    await expect.poll(() => page.locator('.summary-title').innerText()).toBe('青山工业园区管理委员会2027年度工作总结')
    const figures = await (await page.request.get(`${page.url().replace('/s/', '/api/summaries/')}/indicators`)).json() as Array<{ key: string; value: number | null; previous: number | null }>
    expect(figures.find((figure) => figure.key === 'agreed_funds')).toMatchObject({ value: null, previous: 5.2 })
    // Last year's text of a section is one click away, read-only.
    await page.click('[data-section-id="investment"] [data-action="earlier-text"]')
    await expect.poll(() => page.locator('[data-earlier-text="investment"]').innerText()).toContain('全年新签工业项目18个')
    // Its table of figures reads as a table, not as lines of cells joined by |.
    expect(await page.locator('[data-earlier-text="investment"] table th').allInnerTexts()).toEqual(['指标', '本年', '上年', '同比', '目标', '完成率'])
    expect(await page.locator('[data-earlier-text="investment"] table tbody tr').first().locator('td').first().innerText()).toBe('新签工业项目')
    await screenshot(page, 'next-year-earlier-text')
  })
})

describe('archiving', () => {
  it('moves a summary to 已归档 and back, and offers it for next year meanwhile', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.goto(`${suite.server.url}/`)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.click(`[data-summary="${suite.summaryId}"] [data-action="archive"]`)
    await page.waitForSelector(`[data-archived="${suite.summaryId}"]`, { state: 'attached' })
    expect(await page.locator(`[data-summary="${suite.summaryId}"]`).count()).toBe(0)
    expect(await page.locator('[data-archived-list] summary').innerText()).toMatch(/已归档（\d+）/)
    await page.goto(`${suite.server.url}/admin`)
    await expect.poll(() => page.locator(`select[name="basedOn"] option[value="${suite.summaryId}"]`).count()).toBe(1)
    await page.goto(`${suite.server.url}/`)
    await page.click('[data-archived-list] summary')
    await page.click(`[data-archived="${suite.summaryId}"] [data-action="unarchive"]`)
    await page.waitForSelector(`[data-summary="${suite.summaryId}"]`)
  })
})

describe('回收站', () => {
  it('deletes a summary into the 回收站, closing a writer’s open page, restores it, and purges it only after its title is typed', async () => {
    const admin = await login(suite.server, 'admin')
    const { id } = (await api<{ id: string }>(suite.server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '误建园区' } })).body
    const title = '误建园区2026年度工作总结'
    const writer = await openSummaryAs(suite.browser, suite.server.url, id, 'invest', DEMO_PASSWORD)
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.goto(`${suite.server.url}/`)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.click(`[data-summary="${id}"] [data-action="delete"]`)
    await page.waitForSelector('[data-trash-list]')
    expect(await page.locator(`[data-summary="${id}"]`).count()).toBe(0)
    expect(await page.locator('[data-trash-list] summary').innerText()).toBe('回收站（1）')
    // The writer's page stops, saying why.
    await expect.poll(() => writer.locator('.error.banner').innerText()).toContain('已被管理员移入回收站')
    // …and its badge no longer promises a reconnect that will not come.
    expect(await writer.locator('[data-connection-status]').innerText()).toBe('已断开，不再自动重连')

    await page.click('[data-trash-list] summary')
    expect(await page.locator(`[data-trashed="${id}"]`).innerText()).toContain('系统管理员')
    await page.click(`[data-trashed="${id}"] [data-action="restore"]`)
    await page.waitForSelector(`[data-summary="${id}"]`)
    expect(await page.locator('[data-trash-list]').count()).toBe(0)

    await page.click(`[data-summary="${id}"] [data-action="delete"]`)
    await page.click('[data-trash-list] summary')
    await page.click(`[data-trashed="${id}"] [data-action="purge"]`)
    const confirmButton = page.locator('[data-purge-form] button[type="submit"]')
    await page.fill('input[name="confirmTitle"]', '误建园区')
    expect(await confirmButton.isDisabled()).toBe(true)
    await page.fill('input[name="confirmTitle"]', title)
    await screenshot(page, 'trash-purge')
    await confirmButton.click()
    await page.waitForSelector('[data-trash-list]', { state: 'detached' })
    expect((await api(suite.server, `/api/summaries/${id}`, { token: admin })).status).toBe(404)
    expect((await api(suite.server, `/api/summaries/${suite.summaryId}`, { token: admin })).status).toBe(200)
  })

  it('keeps the list on screen when deleting fails, and says why', async () => {
    const admin = await login(suite.server, 'admin')
    const { id } = (await api<{ id: string }>(suite.server, '/api/summaries', { token: admin, body: { templateId: 'park-annual', year: 2026, organisation: '已被他人删除园区' } })).body
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.goto(`${suite.server.url}/`)
    await page.waitForSelector(`[data-summary="${id}"]`)
    // Someone else moved it to the 回收站 meanwhile: this page's 删除 is refused.
    await api(suite.server, `/api/summaries/${id}`, { token: admin, method: 'DELETE' })
    page.on('dialog', (dialog) => void dialog.accept())
    await page.click(`[data-summary="${id}"] [data-action="delete"]`)
    await expect.poll(() => page.locator('.error[role="alert"]').innerText()).toContain('回收站')
    expect(await page.locator(`[data-summary="${suite.summaryId}"]`).count()).toBe(1)
    await api(suite.server, `/api/summaries/${id}?permanent=1`, { token: admin, method: 'DELETE' })
  })
})

describe('登录设备', () => {
  it('lists where a user is signed in and ends another sign-in, whose open page stops', async () => {
    const elsewhere = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    const here = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'build', DEMO_PASSWORD)
    await here.goto(`${suite.server.url}/`)
    await here.click('[data-action="sessions"]')
    await expect.poll(() => here.locator('[data-session]').count()).toBe(2)
    expect(await here.locator('[data-current-session]').count()).toBe(1)
    expect(await here.locator('[data-sessions]').innerText()).toContain('Chrome · Linux')
    await screenshot(here, 'sessions')
    await here.click('[data-action="end-session"]')
    await expect.poll(() => here.locator('[data-session]').count()).toBe(1)
    // The other browser's page is signed out to the login (its text stays in that browser).
    await elsewhere.waitForURL(/\/login/, { timeout: 10_000 })
  })
})

describe('departments', () => {
  it('deletes a department nothing belongs to, and says what keeps one that is in use', async () => {
    const admin = await login(suite.server, 'admin')
    expect((await api(suite.server, '/api/departments', { token: admin, body: { name: '临时专班' } })).status).toBe(201)
    const page = await openAdminPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await page.click('[data-department="临时专班"] [data-action="delete-department"]')
    await page.waitForSelector('[data-department="临时专班"]', { state: 'detached' })
    await page.click('[data-department="招商部"] [data-action="delete-department"]')
    await expect.poll(() => page.locator('.error').first().innerText()).toContain('“招商部”仍在使用，不能删除')
    expect(await page.locator('[data-department="招商部"]').count()).toBe(1)
    // 查找用户 narrows the list by name, user name or department.
    await page.fill('input[name="userFilter"]', '招商')
    await expect.poll(() => page.locator('[data-user]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-user')).sort())).toEqual(['invest', 'invest2'])
    await page.fill('input[name="userFilter"]', '')
    expect(await page.locator('[data-user]').count()).toBeGreaterThan(10)
  })
})

describe('在所有总结中查找', () => {
  it('finds a phrase across summaries and opens the summary at the section, the phrase marked', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await page.goto(`${suite.server.url}/`)
    await page.fill('input[name="searchAll"]', '新签工业项目')
    await page.click('[data-search-all] button[type="submit"]')
    const hit = page.locator(`[data-search-hit="${suite.summaryId}"]`).first()
    await expect.poll(() => hit.innerText()).toContain('新签工业项目')
    expect(await hit.locator('mark').innerText()).toBe('新签工业项目')
    // The sentence, not the table of figures under it.
    expect(await page.locator(`[data-search-hit="${suite.summaryId}"]`).count()).toBe(1)
    await screenshot(page, 'search-all')
    await hit.locator('a').click()
    await page.waitForURL(/\/s\/.*section=/)
    await expect.poll(() => page.inputValue('input[name="findText"]')).toBe('新签工业项目')
    await expect.poll(() => page.locator('[data-search-match]').count()).toBeGreaterThan(0)
    // A heading is found as it is numbered, itself the link.
    await page.goto(`${suite.server.url}/`)
    await page.fill('input[name="searchAll"]', '招商引资取得')
    await page.click('[data-search-all] button[type="submit"]')
    const heading = page.locator(`[data-search-hit="${suite.summaryId}"] [data-search-heading]`).first()
    await expect.poll(() => heading.innerText()).toBe('（二）招商引资取得新突破')
    expect(await heading.locator('mark').innerText()).toBe('招商引资取得')
  })
})

describe('复制总结', () => {
  it('copies a summary under a new title and opens the copy', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.goto(`${suite.server.url}/`)
    page.once('dialog', (dialog) => void dialog.accept('青山工业园区管理委员会2026年度工作总结（讲话稿）'))
    await page.click(`[data-summary="${suite.summaryId}"] [data-action="copy"]`)
    await page.waitForURL((url) => url.pathname.startsWith('/s/') && !url.pathname.endsWith(suite.summaryId))
    await expect.poll(() => page.locator('.summary-title').innerText()).toBe('青山工业园区管理委员会2026年度工作总结（讲话稿）')
    await expect.poll(() => page.locator('[data-section-id="investment"] .ProseMirror').innerText()).toContain('全年新签工业项目')
  })
})

describe('backups', () => {
  it('takes a backup from the admin page and offers it for download', async () => {
    const page = await openAdminPage()
    await page.waitForSelector('[data-backups] [data-action="backup-now"]')
    const before = await page.locator('[data-backup]').count()
    await page.click('[data-action="backup-now"]')
    await expect.poll(() => page.locator('[data-backups] [role="status"]').innerText()).toMatch(/^已备份：huizong-\d{8}-\d{6}/)
    expect(await page.locator('[data-backup]').count()).toBe(before + 1)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-backup] a').first().click()])
    expect(download.suggestedFilename()).toMatch(/^huizong-\d{8}-\d{6}.*\.sqlite$/)
    await screenshot(page, 'backups')
    // Both are in the 安全审计, with the admin's sign-in; a failed sign-in too.
    expect((await api(suite.server, '/api/login', { body: { username: 'leader', password: 'guess-guess-1' } })).status).toBe(401)
    await page.reload()
    const audit = page.locator('[data-audit]')
    await expect.poll(() => audit.locator('[data-audit-action="backup-download"]').count()).toBe(1)
    expect(await audit.locator('[data-audit-action="login-failed"]').first().innerText()).toContain('leader')
    expect(await audit.locator('[data-audit-action="login"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('系统管理员')]))
    await page.selectOption('select[name="auditAction"]', 'backup-create')
    expect(await audit.locator('tbody tr').count()).toBe(1)
    await screenshot(page, 'audit')
    // The list page says when the admin last signed in before (this suite signs in for every test).
    await page.goto(`${suite.server.url}/`)
    await expect.poll(() => page.locator('[data-sign-ins]').innerText()).toMatch(/^上次登录：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，来自 /)
  })
})

describe('a template from last year’s Word file', () => {
  it('reads the headings of a .docx into an outline to check, and saves it as a template', async () => {
    const page = await openAdminPage()
    const lines = ['青山工业园区管理委员会2025年度工作总结', '一、主要工作完成情况', '（一）招商引资取得新突破。全年新签项目20个。', '二、存在的问题和不足', '三、2026年工作打算']
    const word = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }))
    await page.fill('input[name="docxTemplateId"]', 'qingshan-word')
    await page.setInputFiles('input[name="outlineDocx"]', { name: '2025年工作总结.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: word })
    await expect.poll(() => page.locator('[data-docx-outline] li').allInnerTexts()).toEqual(['主要工作完成情况', '招商引资取得新突破', '存在的问题和不足', '〔下一年度〕年工作打算'])
    expect(await page.locator('input[name="docxTemplateTitle"]').inputValue()).toBe('{organisation}{year}年度工作总结')
    await page.click('[data-action="save-docx-template"]')
    await expect.poll(() => page.locator('.admin > .success').innerText()).toContain('已保存模板“qingshan-word”')
    await expect.poll(() => page.locator('select[name="templateId"] option[value="qingshan-word"]').count()).toBe(1)
  })
})

describe('saving a summary as a template', () => {
  it('saves the outline as a template that the new-summary form then offers', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.click('[data-action="edit-outline"]')
    const answers = ['qingshan-own', '']
    page.on('dialog', (dialog) => void dialog.accept(answers.shift()))
    await page.click('[data-action="save-as-template"]')
    await expect.poll(() => page.locator('[role="dialog"] [role="status"]').innerText()).toBe('已另存为模板“qingshan-own”（{organisation}{year}年度工作总结），新建总结时可选用')
    await page.goto(`${suite.server.url}/admin`)
    await expect.poll(() => page.locator('select[name="templateId"] option[value="qingshan-own"]').count()).toBe(1)
  })
})

describe('last year’s summary from Word', () => {
  it('shares last year’s .docx out to the sections by their headings, for 查看上年这一节', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.click('[data-action="edit-outline"]')
    const lines = ['青山工业园区管理委员会2025年度工作总结', '一、主要工作完成情况', '（二）招商引资取得新突破', '全年新签工业项目15个，协议资金4.3亿元。', '（九）园区环境整治', '整治背街小巷12条。']
    const word = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }))
    const panel = page.locator('[data-earlier-import]')
    await panel.locator('input[name="earlierDocx"]').setInputFiles({ name: '2025年总结.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: word })
    await expect.poll(() => panel.locator('[data-earlier-parts] li').allInnerTexts(), { timeout: 10_000 }).toEqual(['（二）招商引资取得新突破 ← 1 段'])
    expect(await panel.innerText()).toContain('对不上本总结章节的标题：（九）园区环境整治')
    await panel.scrollIntoViewIfNeeded()
    await screenshot(page, 'earlier-from-word')
    await panel.locator('[data-action="import-earlier"]').click()
    await expect.poll(() => panel.locator('[role="status"]').innerText()).toBe('已导入“青山工业园区管理委员会2025年度工作总结”：1 个章节可“查看上年这一节”')
    await page.keyboard.press('Escape')
    // Every section now offers last year's text, live for everyone on the page.
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', 'huizong2026')
    await writer.click('[data-section-id="investment"] [data-action="earlier-text"]')
    await expect.poll(() => writer.locator('[data-earlier-text="investment"]').innerText()).toContain('全年新签工业项目15个，协议资金4.3亿元。')
    await page.click('[data-action="edit-outline"]')
    expect(await page.locator('[data-earlier-import]').innerText()).toContain('本总结已对应上年总结')
  })
})
