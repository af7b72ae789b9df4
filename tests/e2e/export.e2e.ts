import { strFromU8, unzipSync } from 'fflate'
import { chinaIsoDay } from '../../shared/chinaDay.js'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

describe('exporting from the summary page', () => {
  it('shows preflight problems and a preview, and downloads a .docx', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    // A figure typed by hand that the data contradicts is listed to check (协议资金 is 5.2亿元).
    await page.locator('[data-section-id="investment-service"] .ProseMirror').click()
    await page.keyboard.type('协议资金累计5.8亿元。')
    // The writer sees it at once, in the section's header.
    await expect.poll(() => page.locator('[data-section-id="investment-service"] [data-figure-check]').getAttribute('title')).toBe('手写的“协议资金累计5.8亿元”与指标数据（5.2亿元）不一致')
    // The dialog reads the preflight once: wait until the server has the sentence.
    const checks = async () => ((await (await page.request.get(`${suite.server.url}/api/summaries/${suite.summaryId}/preflight`)).json()) as { checks: unknown[] }).checks.length
    await expect.poll(checks, { timeout: 10_000 }).toBe(1)
    await page.click('[data-action="export"]')
    await expect.poll(() => page.locator('[data-figure-checks]').innerText(), { timeout: 10_000 }).toContain('“协议资金累计5.8亿元”与指标数据（5.2亿元）不一致')
    await expect.poll(() => page.locator('.preflight-list li').count(), { timeout: 10_000 }).toBeGreaterThan(5)
    expect(await page.locator('.preflight-counts [data-preflight-kind="missing-indicator"] strong').innerText()).toBe('1')
    // A count lists only its kind, the list of every other kind set aside until it is clicked again.
    const listed = () => page.locator('[data-preflight-problems] li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.preflightKind))
    const all = (await listed()).length
    await page.click('.preflight-counts [data-preflight-kind="missing-indicator"] button')
    await expect.poll(listed).toEqual(['missing-indicator'])
    expect(await page.locator('.preflight-counts [data-preflight-kind="missing-indicator"] button').getAttribute('aria-pressed')).toBe('true')
    await page.click('.preflight-counts [data-preflight-kind="missing-indicator"] button')
    await expect.poll(async () => (await listed()).length).toBe(all)
    expect(await page.locator('[data-export-preview]').innerText()).toContain('（二）招商引资取得新突破')
    // The office dates the report: the preview's closing line and the download follow.
    await page.fill('input[name="closingDate"]', '2026-12-31')
    await expect.poll(() => page.locator('[data-export-preview]').innerText()).toMatch(/2026年12月31日\s*$/)
    expect(await page.locator('[data-action="download"]').getAttribute('href')).toContain('date=2026-12-31')
    await page.check('input[name="appendix"]')
    await expect.poll(() => page.locator('[data-export-preview]').innerText()).toContain('附件\n指标汇总表')
    expect(await page.locator('[data-action="download"]').getAttribute('href')).toContain('appendix=1')
    // The preview as laid out: the HTML export shown in the dialog, with the same choices.
    await page.locator('input[name="previewKind"]').nth(1).check()
    const laidOut = page.frameLocator('[data-export-page-preview]')
    await expect.poll(() => laidOut.locator('h1').innerText(), { timeout: 10_000 }).toBe('青山工业园区管理委员会2026年度工作总结')
    expect(await laidOut.locator('.closing').innerText()).toContain('2026年12月31日')
    await page.locator('input[name="previewKind"]').nth(0).check()
    // 批注版: the open comments as Word comments, offered for .docx only.
    await page.check('input[name="withComments"]')
    expect(await page.locator('[data-action="download"]').getAttribute('href')).toContain('comments=1')
    await page.selectOption('select[name="format"]', 'txt')
    expect(await page.locator('input[name="withComments"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-action="download"]').getAttribute('href')).not.toContain('comments=1')
    await page.selectOption('select[name="format"]', 'docx')
    await page.uncheck('input[name="withComments"]')
    await screenshot(page, 'export-dialog')
    // Opened again, the dialog keeps the date and the 附件 chosen (comments are chosen each time).
    await page.keyboard.press('Escape')
    await page.click('[data-action="export"]')
    expect(await page.inputValue('input[name="closingDate"]')).toBe('2026-12-31')
    expect(await page.isChecked('input[name="appendix"]')).toBe(true)
    expect(await page.isChecked('input[name="withComments"]')).toBe(false)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')])
    expect(download.suggestedFilename()).toBe('青山工业园区管理委员会2026年度工作总结.docx')
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })

  it('flags half-width punctuation and misused words while writing and fixes them in one click, for everyone', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', 'huizong2026')
    const reader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', 'huizong2026')
    const section = writer.locator('[data-section-id="investment-channels"]')
    await section.locator('.ProseMirror').click()
    await writer.keyboard.insertText('下一步,开展"精准招商"(围绕主导产业)，，力争 新突破.建立台帐。')
    await expect.poll(() => section.locator('[data-punctuation-check]').innerText()).toBe('标点 6')
    await expect.poll(() => section.locator('[data-wording-check]').getAttribute('title')).toBe('“台帐”应为“台账”')
    await expect.poll(() => reader.locator('[data-section-id="investment-channels"] [data-punctuation-check]').innerText()).toBe('标点 6')
    // Only the writing department gets the button.
    expect(await reader.locator('[data-section-id="investment-channels"] [data-action="fix-punctuation"]').count()).toBe(0)
    await section.locator('[data-action="fix-punctuation"]').click()
    const fixed = '下一步，开展“精准招商”（围绕主导产业），力争新突破。建立台账。'
    // (toContain: the writer's caret, with their name, is drawn in the reader's text.)
    await expect.poll(() => reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()).toContain(fixed)
    await expect.poll(() => section.locator('[data-punctuation-check], [data-wording-check]').count()).toBe(0)
    expect(await section.locator('[data-action="fix-punctuation"]').count()).toBe(0)
    // One undo step brings the text back as typed.
    await writer.keyboard.press('Control+z')
    await expect.poll(() => section.locator('.ProseMirror').innerText()).toContain('下一步,开展"精准招商"(围绕主导产业)，，力争 新突破.建立台帐。')
    // The export dialog lists the section under 标点; Esc closes the dialog.
    await expect
      .poll(async () => ((await (await writer.request.get(`${suite.server.url}/api/summaries/${suite.summaryId}/preflight`)).json()) as { checks: Array<{ kind: string }> }).checks.filter((check) => check.kind !== 'figure').length)
      .toBe(2)
    await writer.click('[data-action="export"]')
    await expect.poll(() => writer.locator('[data-punctuation-checks]').innerText()).toContain('“1.拓宽招商渠道”中标点不合公文规范 6 处')
    expect(await writer.locator('[data-punctuation-checks]').innerText()).toContain('“1.拓宽招商渠道”中用词有误 1 处：“台帐”应为“台账”')
    // The leader may write nothing: no 全部修正. The writer fixes every section of theirs from here.
    await reader.click('[data-action="export"]')
    await expect.poll(() => reader.locator('[data-punctuation-checks]').count()).toBe(1)
    expect(await reader.locator('[data-action="fix-all-slips"]').count()).toBe(0)
    await writer.click('[data-action="fix-all-slips"]')
    await expect.poll(() => reader.locator('[data-section-id="investment-channels"] .ProseMirror').innerText()).toContain(fixed)
    await expect.poll(() => writer.locator('[data-fix-outcome]').innerText()).toContain('已修正 1 个章节')
    await expect.poll(() => writer.locator('[data-punctuation-checks]').count()).toBe(0)
    await writer.keyboard.press('Escape')
    await expect.poll(() => writer.locator('[role="dialog"]').count()).toBe(0)
  })

  it('points out a paragraph of results with nothing checkable in it (空泛), while writing and before export', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', 'huizong2026')
    const section = writer.locator('[data-section-id="investment-service"]')
    await section.locator('.ProseMirror').click()
    await writer.keyboard.press('Control+End')
    await writer.keyboard.press('Enter') // a paragraph of its own
    await writer.keyboard.insertText('认真落实招商引资各项政策，不断优化营商环境，积极为企业排忧解难，持续提升服务水平，营造了良好的亲商安商氛围。')
    // (Once, in a full run, the badge never came: first make sure the paragraph is one of its own.)
    await expect.poll(() => section.locator('.ProseMirror > p').last().innerText()).toBe('认真落实招商引资各项政策，不断优化营商环境，积极为企业排忧解难，持续提升服务水平，营造了良好的亲商安商氛围。')
    await expect.poll(() => section.locator('[data-vague-check]').innerText()).toBe('空泛 1')
    expect(await section.locator('[data-vague-check]').getAttribute('title')).toContain('请补充具体成效')
    await writer.click('[data-action="export"]')
    await expect.poll(() => writer.locator('[data-vague-checks]').innerText()).toContain('“2.做优项目服务”中有 1 段没有数字或具体事例')
    await writer.keyboard.press('Escape')
    // A leader goes from the badge to the paragraph and asks for results on it.
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', 'huizong2026')
    await leader.uncheck('input[name="readingView"]') // a leader reads without the checks by default
    const read = leader.locator('[data-section-id="investment-service"]')
    await expect.poll(() => read.locator('[data-vague-check]').innerText()).toBe('空泛 1')
    await read.locator('[data-vague-check]').click()
    await expect.poll(() => read.locator('[data-action="comment"]').innerText()).toBe('评论')
    await read.locator('[data-action="comment"]').click()
    await read.locator('.composer [data-phrase="请补充具体成效"]').click()
    await read.locator('.composer button[type="submit"]').click()
    await expect.poll(() => section.locator('[data-thread-id]').innerText(), { timeout: 10_000 }).toBe('认真落实招商引资各项政策，不断优化营商环境，积极为企业排忧解难，持续提升服务水平，营造了良好的亲商安商氛围。')
    // Handed in as it is, it says so in the leader's 待审核.
    await section.locator('[data-transition="review"]').click()
    await leader.goto(`${suite.server.url}/s/${suite.summaryId}/progress`)
    await expect.poll(() => leader.locator('[data-review-section="investment-service"] [data-review-hints]').innerText(), { timeout: 10_000 }).toContain('空泛 1')
    // Once it says what was done, the hint goes.
    await section.locator('.ProseMirror').click()
    await writer.keyboard.press('End')
    await writer.keyboard.insertText('全年协调解决企业用工、融资等问题36个。')
    await expect.poll(() => section.locator('[data-vague-check]').count()).toBe(0)
  })

  it('keeps the 公文格式 the admin sets and exports the 红头 with it', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    await page.click('[data-action="export"]')
    const form = page.locator('[data-official-form]')
    await form.locator('summary').click()
    await form.locator('input[name="official-addressee"]').fill('县委、县政府')
    await form.locator('input[name="official-number"]').fill('青园管发[2026]15号')
    await form.locator('input[name="official-printedBy"]').fill('青山工业园区管理委员会办公室')
    await form.locator('[data-action="save-official"]').click()
    // Saved as the standard wants it, shown in the preview and switched on for the download.
    await expect.poll(() => form.locator('input[name="official-number"]').inputValue()).toBe('青园管发〔2026〕15号')
    await expect.poll(() => page.locator('[data-export-preview]').innerText()).toContain('青山工业园区管理委员会2026年度工作总结\n\n县委、县政府：\n一、')
    expect(await page.locator('input[name="letterhead"]').isChecked()).toBe(true)
    // The page shows the 主送机关 under the title, as the exports print it.
    await expect.poll(() => page.locator('[data-addressee]').innerText()).toBe('县委、县政府：')
    expect(await page.locator('[data-action="download"]').getAttribute('href')).toContain('letterhead=1')
    await screenshot(page, 'export-official-form')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')])
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path())!)))['word/document.xml']!)
    expect(xml).toContain('青山工业园区管理委员会文件')
    expect(xml).toContain('青园管发〔2026〕15号')
    expect(xml).toContain('印发')
    // Only Word has a 红头.
    await page.selectOption('select[name="format"]', 'html')
    expect(await page.locator('input[name="letterhead"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-action="download"]').getAttribute('href')).not.toContain('letterhead')
    // The format is remembered for the next time; a date nobody chose stays today's.
    await page.keyboard.press('Escape')
    await page.click('[data-action="export"]')
    expect(await page.inputValue('select[name="format"]')).toBe('html')
    expect(await page.inputValue('input[name="closingDate"]')).toBe(chinaIsoDay(new Date()))

    // A leader sees the form but leaves it to the admin.
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', 'huizong2026')
    await leader.click('[data-action="export"]')
    const seen = leader.locator('[data-official-form]')
    await expect.poll(() => seen.locator('input[name="official-number"]').inputValue()).toBe('青园管发〔2026〕15号')
    expect(await seen.locator('input[name="official-number"]').isDisabled()).toBe(true)
    expect(await seen.locator('[data-action="save-official"]').count()).toBe(0)
    expect(await seen.innerText()).toContain('公文格式由管理员设置')
  })

  it('points out a mobile number typed into a section, masked, while writing and before export', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'union', 'huizong2026')
    const section = writer.locator('[data-section-id="union"]')
    await section.locator('.ProseMirror').click()
    await writer.keyboard.press('Control+End')
    await writer.keyboard.insertText('走访困难职工王某（联系电话13812345678），送去慰问金。')
    await expect.poll(() => section.locator('[data-personal-check]').innerText()).toBe('个人信息 1')
    expect(await section.locator('[data-personal-check]').getAttribute('title')).toBe('手机号码 138****5678：对外报送或公开前请确认是否删除或隐去')
    await writer.click('[data-action="export"]')
    await expect.poll(() => writer.locator('[data-personal-checks]').innerText()).toContain('中有个人信息：手机号码 138****5678')
    expect(await writer.locator('[data-personal-checks]').innerText()).not.toContain('13812345678')
    // The 公开版 masks it in what is exported.
    expect(await writer.locator('[data-export-preview]').innerText()).toContain('13812345678')
    await writer.check('input[name="redact"]')
    await expect.poll(() => writer.locator('[data-export-preview]').innerText()).toContain('联系电话138****5678')
    expect(await writer.locator('[data-action="download"]').getAttribute('href')).toContain('redact=1')
  })

  it('exports one department’s part for its head to sign (部门分稿)', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', 'huizong2026')
    await writer.click('[data-action="export"]')
    await writer.selectOption('select[name="exportPart"]', { label: '招商部部分（部门分稿）' })
    await expect.poll(() => writer.locator('[data-export-preview]').innerText()).toContain('（招商部部分）')
    const preview = await writer.locator('[data-export-preview]').innerText()
    expect(preview).toContain('部门负责人审核（签字）：')
    expect(preview).not.toContain('经济运行稳中有进')
    expect(await writer.isDisabled('input[name="letterhead"]')).toBe(true)
    // 稿本标注: under the title, in the preview as in the file.
    await writer.selectOption('select[name="draftMark"]', '征求意见稿')
    await expect.poll(() => writer.locator('[data-export-preview]').innerText()).toContain('（招商部部分）\n（征求意见稿）')
    const [download] = await Promise.all([writer.waitForEvent('download'), writer.click('[data-action="download"]')])
    expect(download.suggestedFilename()).toMatch(/（招商部部分）\.\w+$/)

    // Every department's part at once, one file each, in a .zip; the preview shows the first.
    await writer.selectOption('select[name="exportPart"]', { label: '各部门分稿（打包下载）' })
    await expect.poll(() => writer.locator('[data-parts-note]').innerText()).toContain('打包下载 7 个文件（办公室、经济发展局、招商部')
    await expect.poll(() => writer.locator('[data-export-preview]').innerText()).toContain('（办公室部分）')
    const [zip] = await Promise.all([writer.waitForEvent('download'), writer.click('[data-action="download"]')])
    expect(zip.suggestedFilename()).toBe('青山工业园区管理委员会2026年度工作总结（各部门分稿）.zip')
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await zip.path())!))))
    expect(files).toHaveLength(7)
    expect(files[2]).toMatch(/^03 招商部\.\w+$/)
  })

  it('says it is opening the export on a slow network, and what went wrong when its code cannot be downloaded', async () => {
    const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'admin', ADMIN_PASSWORD)
    // The export dialog's code comes with its first opening: first it cannot be had, then it is slow.
    let mode: 'fail' | 'slow' = 'fail'
    await page.route(/\/assets\/ExportDialog-[\w-]+\.js$/, async (route) => {
      if (mode === 'fail') return route.abort('internetdisconnected')
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue()
    })
    await page.click('[data-action="export"]')
    await expect.poll(() => page.locator('[data-part-failed]').innerText()).toContain('无法打开')
    await page.click('[data-part-failed] button:has-text("关闭")')
    await expect.poll(() => page.locator('[data-part-failed]').count()).toBe(0)

    mode = 'slow'
    await page.click('[data-action="export"]')
    await expect.poll(() => page.locator('[data-part-loading]').innerText()).toBe('正在打开…')
    await page.waitForSelector('[data-export-preview]', { timeout: 15_000 })
    expect(await page.locator('[data-part-loading]').count()).toBe(0)
  })
})
