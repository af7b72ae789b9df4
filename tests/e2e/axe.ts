/**
 * axe-core in the page. Government systems are held to GB/T 37668 (信息无障碍), which follows
 * WCAG 2 AA: axe checks the rules a browser can check (names of fields and controls, contrast,
 * landmarks, headings, keyboard reach of scrolled regions).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

/** What axe-core finds wrong with the page as it is now, one line per rule, naming where. */
export const violations = async (page: Page): Promise<string[]> => {
  // Evaluated through the DevTools protocol: the page's own CSP allows no inline scripts.
  await page.evaluate(AXE_SOURCE)
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return found.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

