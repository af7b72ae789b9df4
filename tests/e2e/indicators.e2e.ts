import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, DEMO_PASSWORD, login } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite, watchScripts } from './browser.js'

const suite = useBrowserSuite()

describe('indicator figures in the editor', () => {
  it('inserts a figure by pinyin initials and shows new values live everywhere', async () => {
    // The pinyin dictionary (zhōng…) comes only with the picker: a third less code to open a summary.
    let loadedScripts: () => Promise<string[]> = async () => []
    const withDictionary = async () => (await loadedScripts()).filter((body) => body.includes('zhōng')).length
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD, async (page) => {
      loadedScripts = watchScripts(page)
    })
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const channels = writer.locator('[data-section-id="investment-channels"] .ProseMirror')
    await channels.click()
    await writer.keyboard.type('以商招商签约')
    expect(await withDictionary()).toBe(0)
    await writer.keyboard.type('#')
    await writer.locator('input[name="indicatorQuery"]').fill('xyzj')
    await expect.poll(() => writer.locator('.indicator-picker li[data-picker-key]').count()).toBe(1)
    expect(await withDictionary()).toBe(1)
    await writer.keyboard.press('Enter')
    const node = (page: typeof writer) => page.locator('[data-section-id="investment-channels"] [data-indicator-key="agreed_funds"]')
    await expect.poll(() => node(writer).innerText()).toBe('5.2亿元')
    await expect.poll(() => node(reader).innerText(), { timeout: 10_000 }).toBe('5.2亿元')
    expect(await node(reader).getAttribute('contenteditable')).toBe('false')

    // Clicking a figure opens its menu; writing on closes it instead of leaving it over the text.
    await node(writer).click()
    await expect.poll(() => writer.locator('.indicator-menu').count()).toBe(1)
    await writer.keyboard.press('End')
    await writer.keyboard.type('。')
    await expect.poll(() => writer.locator('.indicator-menu').count()).toBe(0)

    const response = await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/indicators`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await login(suite.server, 'admin')}`, 'content-type': 'text/csv' },
      body: 'key,value\nagreed_funds,6.4\narrived_funds,\n',
    })
    expect(response.status).toBe(200)
    await expect.poll(() => node(reader).innerText(), { timeout: 10_000 }).toBe('6.4亿元')
    await expect.poll(() => node(writer).innerText(), { timeout: 10_000 }).toBe('6.4亿元')
    const gap = reader.locator('[data-section-id="investment"] [data-indicator-key="arrived_funds"][data-show="value"]')
    await expect.poll(() => gap.innerText()).toBe('【待填：到位资金】')

    await writer.click('[data-action="toggle-figures"]')
    await writer.locator('[data-figure-key="new_projects"] input[name="value"]').fill('19')
    await writer.locator('[data-figure-key="new_projects"] button').click()
    await expect.poll(() => reader.locator('[data-section-id="investment"] [data-indicator-key="new_projects"]').first().innerText(), { timeout: 10_000 }).toBe('19个')
    expect(await writer.locator('[data-figure-key="inspections"] input').count()).toBe(0)
    // A value ten times last year's (亿元 typed as if 千万元) is flagged in the table.
    expect(await writer.locator('[data-figure-key="agreed_funds"] [data-figure-outlier]').count()).toBe(0)
    await writer.locator('[data-figure-key="agreed_funds"] input[name="value"]').fill('52')
    await writer.locator('[data-figure-key="agreed_funds"] button').click()
    await expect.poll(() => writer.locator('[data-figure-key="agreed_funds"] [data-figure-outlier]').getAttribute('title'), { timeout: 10_000 }).toContain('是上年（4.3亿元）的12.1倍')
    await writer.locator('[data-figure-key="agreed_funds"] input[name="value"]').fill('5.2')
    await writer.locator('[data-figure-key="agreed_funds"] button').click()
    await expect.poll(() => writer.locator('[data-figure-key="agreed_funds"] [data-figure-outlier]').count(), { timeout: 10_000 }).toBe(0)
    // A growth rate typed where the amount belongs is refused, saying why; 1,050 is a number.
    await writer.locator('[data-figure-key="agreed_funds"] input[name="value"]').fill('15%')
    await writer.locator('[data-figure-key="agreed_funds"] button').click()
    await expect.poll(() => writer.locator('.figures-panel [role="alert"]').innerText()).toBe('协议资金本年“15%”是百分数，而该指标的单位是“亿元”，请输入数字（留空表示待填）')
    // In 万元 as the statistics office reports it, converted and said so.
    await writer.locator('[data-figure-key="agreed_funds"] input[name="value"]').fill('52,000万元')
    await writer.locator('[data-figure-key="agreed_funds"] button').click()
    await expect.poll(() => writer.locator('.figures-panel .success').innerText()).toBe('已保存“协议资金”（本年由万元换算为5.2亿元）')
    await writer.locator('[data-figure-key="new_projects"] input[name="previous"]').fill('1,050')
    await writer.locator('[data-figure-key="new_projects"] button').click()
    await expect.poll(() => writer.locator('[data-figure-key="new_projects"] input[name="previous"]').inputValue(), { timeout: 10_000 }).toBe('1050')
    await screenshot(writer, 'indicators-writer')
  })

  it('lets the admin define a new figure that the department then inserts, rename it and remove it', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD, (page) => page.setViewportSize({ width: 1366, height: 768 }))
    await admin.click('[data-action="toggle-figures"]')
    // On an office's 1366-pixel screen every column shows, 修改/删除 at the end included: nothing to scroll sideways.
    await admin.waitForSelector('[data-figure-key="agreed_funds"]')
    expect(await admin.locator('.figures-panel').evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBeLessThanOrEqual(0)
    await admin.click('[data-action="define-figure"]')
    await admin.fill('input[name="definitionKey"]', 'hightech_firms')
    await admin.fill('input[name="definitionLabel"]', '新认定高新技术企业')
    await admin.fill('input[name="definitionUnit"]', '家')
    await admin.selectOption('select[name="definitionDepartment"]', { label: '招商部' })
    await admin.click('[data-figure-definition] button[type="submit"]')
    await expect.poll(() => admin.locator('[data-figure-key="hightech_firms"]').count()).toBe(1)
    // The panel says where each figure appears: the new one nowhere yet.
    expect(await admin.locator('[data-figure-key="hightech_firms"] [data-figure-usage]').getAttribute('data-figure-usage')).toBe('0')
    expect(await admin.locator('[data-figure-key="hightech_firms"] [data-figure-usage]').innerText()).toBe('未使用')
    expect(Number(await admin.locator('[data-figure-key="agreed_funds"] [data-figure-usage]').getAttribute('data-figure-usage'))).toBeGreaterThan(0)
    expect(await admin.locator('[data-figure-key="agreed_funds"] [data-figure-usage]').getAttribute('title')).toContain('（二）招商引资取得新突破')

    // 招商部 finds it in the # picker at once.
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD)
    await writer.locator('[data-section-id="investment-service"] .ProseMirror').click()
    await writer.keyboard.type('#')
    await writer.locator('input[name="indicatorQuery"]').fill('gxjs')
    await expect.poll(() => writer.locator('.indicator-picker li[data-picker-key="hightech_firms"]').count()).toBe(1)
    await writer.keyboard.press('Escape')

    await admin.locator('[data-figure-key="hightech_firms"] [data-action="edit-figure"]').click()
    await admin.fill('input[name="definitionLabel"]', '新认定国家高新技术企业')
    await admin.click('[data-figure-definition] button[type="submit"]')
    await expect.poll(() => admin.locator('[data-figure-key="hightech_firms"] td.figure-name').evaluate((cell) => cell.firstChild?.textContent)).toBe('新认定国家高新技术企业')
    admin.once('dialog', (dialog) => void dialog.accept())
    await admin.locator('[data-figure-key="hightech_firms"] [data-action="remove-figure"]').click()
    await expect.poll(() => admin.locator('[data-figure-key="hightech_firms"]').count()).toBe(0)
  })

  it('defines a rate computed from two figures, which follows them and cannot be typed', async () => {
    const admin = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await admin.click('[data-action="toggle-figures"]')
    const setFigure = async (key: string, value: string) => {
      await admin.locator(`[data-figure-key="${key}"] input[name="value"]`).fill(value)
      await admin.locator(`[data-figure-key="${key}"] button`).first().click()
      await expect.poll(() => admin.locator(`[data-figure-key="${key}"] .figure-source`).innerText(), { timeout: 10_000 }).toContain('录入')
    }
    await setFigure('arrived_funds', '1.6')
    await setFigure('agreed_funds', '5')
    await admin.click('[data-action="define-figure"]')
    await admin.fill('input[name="definitionKey"]', 'arrival_rate')
    await admin.fill('input[name="definitionLabel"]', '资金到位率')
    await admin.check('input[name="definitionComputed"]')
    await admin.selectOption('select[name="definitionPart"]', { label: '到位资金' })
    await admin.selectOption('select[name="definitionWhole"]', { label: '协议资金' })
    await admin.selectOption('select[name="definitionDepartment"]', { label: '招商部' })
    await admin.click('[data-figure-definition] button[type="submit"]')
    const rate = admin.locator('[data-figure-key="arrival_rate"]')
    await expect.poll(() => rate.count()).toBe(1)
    // 1.6 of 5 亿元: 32%, typed nowhere, and no field to type it in.
    expect(await rate.locator('[data-figure-computed]').first().innerText()).toBe('32%')
    expect(await rate.locator('input[name="value"]').count()).toBe(0)
    expect(await rate.locator('[data-figure-computed]').first().getAttribute('title')).toContain('由“到位资金”÷“协议资金”计算')
    await admin.locator('[data-figure-key="agreed_funds"] input[name="value"]').fill('8')
    await admin.locator('[data-figure-key="agreed_funds"] button').first().click()
    await expect.poll(() => rate.locator('[data-figure-computed]').first().innerText(), { timeout: 10_000 }).toBe('20%')
  })

  it('lets a leader mark a figure checked (核实), which a new value clears', async () => {
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    await leader.click('[data-action="toggle-figures"]')
    const row = leader.locator('[data-figure-key="new_projects"]')
    await row.locator('[data-action="verify-figure"]').click()
    await expect.poll(() => row.locator('[data-figure-verified]').innerText()).toBe('✓ 王主任')
    expect(await row.locator('[data-figure-verified]').getAttribute('title')).toContain('王主任 于')
    // The figure in the text says so on hover, for everyone.
    await expect.poll(() => leader.locator('[data-section-id="investment"] [data-indicator-key="new_projects"]').first().getAttribute('title')).toContain('已核实（王主任')
    // 招商部 enters a new number: the mark goes, to be checked again.
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    await writer.click('[data-action="toggle-figures"]')
    await writer.locator('[data-figure-key="new_projects"] input[name="value"]').fill('21')
    await writer.locator('[data-figure-key="new_projects"] button').first().click()
    await expect.poll(() => row.locator('[data-action="verify-figure"]').count(), { timeout: 10_000 }).toBe(1)
    expect(await writer.locator('[data-figure-key="new_projects"] [data-action="verify-figure"]').count()).toBe(0) // writers do not check
    await screenshot(leader, 'figures-verified')
    // The progress page counts what is filled in and checked.
    await leader.locator('[data-figure-key="agreed_funds"] [data-action="verify-figure"]').click()
    await expect.poll(() => leader.locator('[data-figure-key="agreed_funds"] [data-figure-verified]').count()).toBe(1)
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    await expect.poll(() => leader.locator('[data-figures-progress]').innerText()).toMatch(/已填报 \d+\/\d+ 项，已核实 1 项/)
  })
  it('shows what a dropped figures file would change, and imports it only once confirmed', async () => {
    const leaderToken = await login(suite.server, 'leader', DEMO_PASSWORD)
    const verify = await fetch(`${suite.server.url}/api/summaries/${suite.summaryId}/indicators/verify`, { method: 'POST', headers: { authorization: `Bearer ${leaderToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ keys: ['agreed_funds'], verified: true }) })
    expect(verify.status).toBe(200)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const funds = reader.locator('[data-section-id="investment"] [data-indicator-key="agreed_funds"][data-show="value"]').first()
    const shown = await funds.innerText()
    await writer.click('[data-action="toggle-figures"]')
    // The statistics office's sheet, in 万元.
    const sheet = { name: '招商引资.csv', mimeType: 'text/csv', buffer: Buffer.from('2026年招商引资情况\n单位：万元\n指标名称,本年\n协议资金,57000\n') }
    await writer.setInputFiles('input[name="figuresFile"]', sheet)
    const preview = writer.locator('[data-figures-preview]')
    await expect.poll(() => preview.locator('tr[data-preview-key="agreed_funds"]').innerText()).toMatch(/^协议资金\s+本年\s+\S+亿元\s+5\.7亿元$/)
    expect(await preview.locator('[data-preview-converted]').innerText()).toBe('已按表中单位换算：协议资金由万元换算为亿元')
    // The leader checked it: the import would take that away, and says so.
    expect(await preview.locator('[data-preview-unverifies]').innerText()).toBe('“协议资金”已核实，导入后需重新核实')
    await screenshot(writer, 'indicators-import-preview')
    // Nothing has changed for anyone yet; 取消 leaves it so.
    expect(await funds.innerText()).toBe(shown)
    await writer.click('[data-action="cancel-figures-import"]')
    expect(await preview.count()).toBe(0)
    await writer.setInputFiles('input[name="figuresFile"]', sheet)
    await writer.click('[data-action="confirm-figures-import"]')
    await expect.poll(() => funds.innerText(), { timeout: 10_000 }).toBe('5.7亿元')
    expect(await writer.locator('.figures-panel .success').innerText()).toBe('已导入 1 项指标（招商引资.csv）；已按表中单位换算：协议资金由万元换算为亿元，请核对')
    expect(await preview.count()).toBe(0)
  })
})

