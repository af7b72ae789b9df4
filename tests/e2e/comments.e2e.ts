import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, DEMO_PASSWORD, login } from '../integration/harness.js'
import { openSummaryAs, screenshot, useBrowserSuite } from './browser.js'

const suite = useBrowserSuite()

/** Selects `phrase` inside a section's editor with the mouse-free DOM selection API. */
const selectPhrase = async (page: Page, sectionId: string, phrase: string) => {
  await page.locator(`[data-section-id="${sectionId}"] .ProseMirror`).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      ;(root as HTMLElement).focus()
      return
    }
    throw new Error(`phrase not found: ${wanted}`)
  }, phrase)
}

/** A writer's page with `text` typed into one of their sections. */
const writeAs = async (username: string, sectionId: string, text: string) => {
  const page = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, username, DEMO_PASSWORD)
  await page.locator(`[data-section-id="${sectionId}"] .ProseMirror`).click()
  await page.keyboard.type(text)
  return page
}

/**
 * Opens a comment box on `phrase` once the page has it and the selection has reached the page:
 * the button reads 评论 then (评论本节 with nothing selected).
 */
const composeOn = async (page: Page, sectionId: string, phrase: string) => {
  const section = page.locator(`[data-section-id="${sectionId}"]`)
  await expect.poll(() => section.locator('.ProseMirror').innerText()).toContain(phrase)
  await selectPhrase(page, sectionId, phrase)
  const button = section.locator('[data-action="comment"]')
  await expect.poll(() => button.innerText()).toBe('评论')
  await button.click()
  return section.locator('.composer')
}

/** A writer's section made long: an opening sentence, `paragraphs` more paragraphs, and a last one. */
const writeLongSection = async (username: string, sectionId: string, opening: string, paragraphs: number, last: string) => {
  const writer = await writeAs(username, sectionId, opening)
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    await writer.keyboard.press('Enter')
    await writer.keyboard.insertText('园区持续压实企业主体责任，组织应急演练和专题培训，重点行业领域专项整治扎实推进，各项工作总体平稳。'.repeat(2))
  }
  if (last) {
    await writer.keyboard.press('Enter')
    await writer.keyboard.insertText(last)
  }
  return writer
}

/**
 * Selects `phrase` where the page is scrolled to, finds 评论 in view, comments through the box it
 * opens (focused, in view) and waits for the writer to see the highlight.
 */
const commentInView = async (leader: Page, writer: Page, sectionId: string, phrase: string, shot: string, atFoot = false) => {
  const section = leader.locator(`[data-section-id="${sectionId}"]`)
  const inView = (selector: string) => section.locator(selector).evaluate((element) => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight })
  await selectPhrase(leader, sectionId, phrase)
  const button = section.locator('[data-action="comment"]')
  await expect.poll(() => button.innerText()).toBe('评论')
  expect(await inView('[data-action="comment"]')).toBe(true)
  // On a phone at the foot of the screen, clear of the phone's own copy menu over the text.
  if (atFoot) expect(await button.evaluate((element) => window.innerHeight - element.getBoundingClientRect().bottom)).toBeLessThan(40)
  await screenshot(leader, shot)
  await button.click()
  const field = section.locator('.composer textarea[name="comment"]')
  await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true)
  expect(await inView('.composer textarea[name="comment"]')).toBe(true)
  expect(await section.locator('.composer .quote').innerText()).toBe(phrase)
  await leader.keyboard.type('请补充具体成效')
  await section.locator('.composer button[type="submit"]').click()
  await expect.poll(() => writer.locator(`[data-section-id="${sectionId}"] [data-thread-id]`).innerText(), { timeout: 10_000 }).toBe(phrase)
}

describe('a review round in Chromium', () => {
  it('lets a leader comment on selected text and a writer see the highlight and reply', async () => {
    const writer = await writeAs('invest', 'investment-service', '全年为企业代办手续56件，项目落地周期明显缩短。')

    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const composer = await composeOn(leader, 'investment-service', '项目落地周期明显缩短')
    // What leaders ask for most is one click; the rest is typed after it.
    await composer.locator('[data-phrase="请补充具体成效"]').click()
    await leader.keyboard.type('，<b>数据</b>需核实 @招商部')
    await screenshot(leader, 'comments-composer')
    expect(await composer.locator('textarea[name="comment"]').inputValue()).toBe('请补充具体成效，<b>数据</b>需核实 @招商部')
    await leader.locator('[data-section-id="investment-service"] .composer button[type="submit"]').click()

    const highlight = writer.locator('[data-section-id="investment-service"] [data-thread-id]')
    await expect.poll(() => highlight.count(), { timeout: 10_000 }).toBe(1)
    expect(await highlight.innerText()).toBe('项目落地周期明显缩短')
    const card = writer.locator('[data-section-id="investment-service"] [data-thread-card]')
    expect(await card.locator('.thread-text').innerText()).toBe('请补充具体成效，<b>数据</b>需核实 @招商部')
    expect(await card.locator('.thread-text b').count()).toBe(0)
    await expect.poll(() => writer.locator('.outline [data-open-threads="1"]').count()).toBe(1)

    await card.locator('input[name="reply"]').fill('已补充：平均缩短至45天')
    await card.locator('.reply-form button[type="submit"]').click()
    await expect.poll(() => leader.locator('[data-section-id="investment-service"] .replies').innerText(), { timeout: 10_000 }).toContain('已补充：平均缩短至45天')

    // The writer keeps editing inside the phrase: the highlight follows.
    await writer.locator('[data-section-id="investment-service"] [data-thread-id]').click()
    await screenshot(leader, 'comments-leader')
    await writer.locator('[data-section-id="investment-service"] [data-action="resolve"]').click()
    await expect.poll(() => leader.locator('[data-section-id="investment-service"] [data-thread-card]').count(), { timeout: 10_000 }).toBe(0)
    await leader.locator('input[name="showResolved"]').check()
    await expect.poll(() => leader.locator('[data-section-id="investment-service"] [data-thread-card].resolved').count()).toBe(1)
    await screenshot(writer, 'comments-writer')
  })

  it('lets a leader suggest other words and the department accept them with one click', async () => {
    const writer = await writeAs('invest', 'investment-channels', '全年开展各类招商活动，取得了一定成效。')
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const leaderText = leader.locator('[data-section-id="investment-channels"] .ProseMirror')
    const composer = await composeOn(leader, 'investment-channels', '取得了一定成效')
    await composer.locator('input[name="suggest"]').check()
    // The suggestion starts from the phrase itself.
    expect(await composer.locator('textarea[name="suggestion"]').inputValue()).toBe('取得了一定成效')
    await composer.locator('textarea[name="suggestion"]').fill('签约项目12个')
    // An @ offers the departments; picking one spells it as the server recognises it.
    const reason = composer.locator('textarea[name="comment"]')
    await reason.fill('用数字说话 ')
    await reason.press('End')
    await reason.pressSequentially('@招')
    await composer.locator('[data-mention-option="招商部"]').click()
    expect(await reason.inputValue()).toBe('用数字说话 @招商部 ')
    await reason.pressSequentially('@党')
    await reason.press('Tab')
    expect(await reason.inputValue()).toBe('用数字说话 @招商部 @党建办 ')
    await composer.locator('button[type="submit"]').click()

    const card = writer.locator('[data-section-id="investment-channels"] [data-thread-card]')
    await expect.poll(() => card.locator('[data-suggestion]').innerText(), { timeout: 10_000 }).toBe('建议改为“签约项目12个”')
    // The leader proposes; only the department (or the admin) accepts.
    expect(await leader.locator('[data-section-id="investment-channels"] [data-action="accept-suggestion"]').count()).toBe(0)
    await screenshot(writer, 'comments-suggestion')
    await card.locator('[data-action="accept-suggestion"]').click()
    await expect.poll(() => leaderText.innerText(), { timeout: 10_000 }).toContain('全年开展各类招商活动，签约项目12个。')
    // Accepted is resolved: the card goes with the other resolved threads, marked as accepted.
    await expect.poll(() => card.count()).toBe(0)
    await writer.check('input[name="showResolved"]')
    await expect.poll(() => card.locator('[data-accepted]').innerText()).toBe('已采纳 · 张招商')
    expect(await card.locator('[data-action="accept-suggestion"]').count()).toBe(0)
  })

  it('keeps 评论 in view on a phone when text is selected high in a long section', async () => {
    const writer = await writeLongSection('safety', 'safety', '全年开展安全生产大检查12次，排查整改隐患86处。', 4, '')
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, (page) => page.setViewportSize({ width: 390, height: 700 }))
    await expect.poll(() => leader.locator('[data-section-id="safety"] .ProseMirror').innerText(), { timeout: 10_000 }).toContain('排查整改隐患86处')
    await leader.locator('[data-section-id="safety"] .ProseMirror p').first().evaluate((paragraph) => paragraph.scrollIntoView({ block: 'start' }))
    // The section's own button is below its last paragraph, out of sight; the one to tap waits at the foot of the screen.
    await commentInView(leader, writer, 'safety', '排查整改隐患86处', 'comments-phone-selection', true)
  })

  it('keeps 评论 and its box in view beside a long section when text is selected far down it', async () => {
    const writer = await writeLongSection('economy', 'economy', '全年经济运行总体平稳。', 14, '全年新增规上工业企业5家。')
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD, (page) => page.setViewportSize({ width: 1360, height: 700 }))
    await expect.poll(() => leader.locator('[data-section-id="economy"] .ProseMirror').innerText(), { timeout: 10_000 }).toContain('全年新增规上工业企业5家。')
    await leader.locator('[data-section-id="economy"] .ProseMirror p').last().evaluate((paragraph) => paragraph.scrollIntoView({ block: 'center' }))
    // The column beside the text starts at the section's top, screens above; its 评论 follows the reader down.
    const scrolled = await leader.evaluate(() => window.scrollY)
    await commentInView(leader, writer, 'economy', '新增规上工业企业5家', 'comments-desk-selection')
    // Opening the box did not take the reader back up to the section's start.
    expect(Math.abs((await leader.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(50)
    // The card stands beside its phrase, screens below the section's start, as a comment in Word's margin.
    const offset = () =>
      leader.evaluate(() => {
        const card = document.querySelector<HTMLElement>('[data-section-id="economy"] [data-thread-card]')!
        const phrase = document.querySelector(`[data-section-id="economy"] .ProseMirror [data-thread-id="${card.dataset.threadCard}"]`)!
        return Math.round(card.getBoundingClientRect().top - phrase.getBoundingClientRect().top)
      })
    await expect.poll(offset).toBe(0)
    // Text written above the phrase moves it down; its card follows.
    await writer.locator('[data-section-id="economy"] .ProseMirror p').first().click()
    await writer.keyboard.press('End')
    await writer.keyboard.press('Enter')
    await writer.keyboard.insertText('全年新开工项目12个。'.repeat(8))
    await expect.poll(offset, { timeout: 10_000 }).toBe(0)
  })

  it('lets a leader comment on a whole section that has no text yet', async () => {
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const section = leader.locator('[data-section-id="party"]')
    const button = section.locator('[data-action="comment"]')
    await expect.poll(() => button.innerText()).toBe('评论本节')
    await button.click()
    expect(await section.locator('.composer [data-whole-section]').innerText()).toBe('针对本节')
    expect(await section.locator('.composer input[name="suggest"]').count()).toBe(0)
    await section.locator('textarea[name="comment"]').fill('本节还没写，请尽快补上')
    await section.locator('.composer button[type="submit"]').click()
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'party', DEMO_PASSWORD)
    const card = writer.locator('[data-section-id="party"] [data-thread-card]')
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('本节还没写，请尽快补上')
    expect(await card.locator('[data-whole-section]').innerText()).toBe('针对本节')
    expect(await card.locator('.detached-badge').count()).toBe(0)

    // A mention in another department's section reaches the party office through its line in the list.
    const problems = leader.locator('[data-section-id="problems"]')
    await problems.locator('[data-action="comment"]').click()
    await problems.locator('textarea[name="comment"]').fill('@党建办 请补充作风建设方面的问题')
    await problems.locator('.composer button[type="submit"]').click()
    await expect.poll(() => problems.locator('[data-thread-card]').count(), { timeout: 10_000 }).toBe(1)
    await writer.goto(`${suite.server.url}/`)
    const mentions = writer.locator(`[data-own-standing="${suite.summaryId}"] [data-own-mentions]`)
    await expect.poll(() => mentions.innerText(), { timeout: 10_000 }).toBe('其他章节@本部门 1')
    await mentions.click()
    await expect.poll(() => writer.locator('[data-section-id="problems"] [data-thread-card]').innerText(), { timeout: 10_000 }).toContain('请补充作风建设方面的问题')
    // Filtered to the mentions: the party's own thread, which does not mention it, is hidden.
    expect(await writer.locator('[data-section-id="party"] [data-thread-card]').count()).toBe(0)
  })

  it('tells a writer on the page when someone mentions their department, and takes them there', async () => {
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest2', DEMO_PASSWORD)
    // Mentions made before the page opened are not news.
    expect(await writer.locator('[data-mention-notice]').count()).toBe(0)
    const leader = await login(suite.server, 'leader', DEMO_PASSWORD)
    await api(suite.server, `/api/summaries/${suite.summaryId}/comments`, { token: leader, body: { sectionId: 'plan', wholeSection: true, text: '@招商部 请补充明年的招商目标' } })
    const notice = writer.locator('[data-mention-notice]')
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('王主任在“三、下一年度工作打算”中提到本部门：@招商部 请补充明年的招商目标')
    await notice.locator('[data-action="show-mention"]').click()
    expect(await notice.count()).toBe(0)
    await expect.poll(() => writer.locator('[data-section-id="plan"] [data-thread-card]').first().isVisible()).toBe(true)
    // Their own remarks do not notify them.
    const own = await login(suite.server, 'invest2', DEMO_PASSWORD)
    await api(suite.server, `/api/summaries/${suite.summaryId}/comments`, { token: own, body: { sectionId: 'plan', wholeSection: true, text: '@招商部 已收到' } })
    await expect.poll(() => writer.locator('[data-section-id="plan"] [data-thread-card]').count(), { timeout: 10_000 }).toBe(2)
    expect(await notice.count()).toBe(0)
    // A section sent back says so, not “提到本部门”.
    const status = (token: string, body: object) => api(suite.server, `/api/summaries/${suite.summaryId}/sections/plan-investment`, { token, method: 'PATCH', body })
    expect((await status(own, { status: 'review' })).status).toBe(200)
    expect((await status(leader, { status: 'drafting', reason: '请补充明年的目标数' })).status).toBe(200)
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('王主任退回了“（一）聚焦主导产业精准招商”：请补充明年的目标数')
    // …and the section's header says 被退回 until the note is resolved.
    const returned = writer.locator('[data-section-id="plan-investment"] [data-returned]')
    await expect.poll(() => returned.innerText()).toBe('被退回')
    await writer.locator('[data-section-id="plan-investment"] [data-thread-card]', { hasText: '请补充明年的目标数' }).getByRole('button', { name: '解决' }).click()
    await expect.poll(() => returned.count()).toBe(0)
  })

  it('offers people after an @ as well as departments, and tells the one named, a leader too', async () => {
    const leader = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'leader', DEMO_PASSWORD)
    const writer = await openSummaryAs(suite.browser, suite.server.url, suite.summaryId, 'invest', DEMO_PASSWORD)
    const section = writer.locator('[data-section-id="plan"]')
    await section.locator('[data-thread-card]').first().locator('input[name="reply"]').click()
    await writer.keyboard.type('@王')
    await expect.poll(() => section.locator('[data-mention-option]').first().innerText()).toBe('@王主任')
    await writer.keyboard.press('Enter')
    await writer.keyboard.type('目标已补充')
    await writer.keyboard.press('Enter')
    const notice = leader.locator('[data-mention-notice]')
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('张招商在“三、下一年度工作打算”中提到您：@王主任 目标已补充')
    expect(await leader.locator('[data-section-id="plan"] mark.mention', { hasText: '@王主任' }).count()).toBeGreaterThan(0)
    // The list says so, and takes the leader to those threads alone.
    await leader.goto(`${suite.server.url}/`)
    const mentioned = leader.locator('[data-mentioned-me]')
    await expect.poll(() => mentioned.innerText(), { timeout: 10_000 }).toBe('提到您的评论 1')
    await mentioned.click()
    await leader.waitForSelector('[data-section-id] .ProseMirror')
    await expect.poll(() => leader.locator('[data-thread-card]').count()).toBe(1)
    expect(await leader.locator('[data-thread-card]').innerText()).toContain('@王主任 目标已补充')
  })
})
