/**
 * 空泛: a paragraph reporting the year's work that a reader cannot check — no number, no figure,
 * no named document, no counted thing — but stock phrases (进一步、切实、取得明显成效…). The comment
 * leaders write most on a draft is “请补充具体成效”; this points the writer there first. Only a
 * hint: a sentence of this kind is sometimes right, so nothing is refused or counted as a problem.
 *
 * Plans (打算、计划、思路), problems (问题、不足) and the lead are written in general terms by
 * nature, and a section with sub-sections opens them in general terms: only the sections that
 * report results are read.
 */
import type { OutlineEntry } from './doc/outline.js'
import { FIGURE_MARK } from './punctuation.js'

/** What the writer is told, under the section's heading and before export. */
export const VAGUE_ADVICE = '可补充做了多少、成效如何（如“开展安全检查24次，新增规上企业5家”），领导审阅时常批“请补充具体成效”'

/** Phrases that say something was done well without saying what. */
const STOCK_PHRASES = [
  '进一步', '不断', '持续', '切实', '全面', '大力', '积极', '扎实', '有效', '稳步', '深入', '着力', '充分',
  '显著', '明显', '有力', '有序', '良好', '较好', '圆满', '顺利', '认真', '高度重视', '成效', '水平', '氛围',
]
const STOCK = new RegExp(STOCK_PHRASES.join('|'), 'g')

/** What a reader can check: digits, a figure, a named document, a counted thing (三家、十余次). */
const CONCRETE = new RegExp(
  `[0-9０-９${FIGURE_MARK}]|《|[一二两三四五六七八九十百千万]+[余多]?(?:个|家|项|次|场|名|人次|人|户|亩|期|篇|条|份|处|台|吨|公里|万元|亿元|元|批|所|座|件|套|轮|倍)`,
)

/** Shorter lines (a heading typed into the text, a closing sentence) are left alone. */
const MIN_CHARACTERS = 40
/** Stock phrases a line must carry to be called vague. */
const MIN_STOCK = 3

/** Titles of sections that are not reports of results. */
const NOT_RESULTS = /问题|不足|短板|差距|打算|计划|思路|安排|展望|谋划|下一步|明年|下一年|下半年|目标任务/

/** Whether the section at `index` reports results: a leaf, not the lead, under no plan or problem heading. */
export const reportsResults = (outline: readonly OutlineEntry[], index: number): boolean => {
  const entry = outline[index]
  if (!entry || entry.lead) return false
  if ((outline[index + 1]?.level ?? 0) > entry.level) return false
  let level = entry.level + 1
  for (let at = index; at >= 0 && level > 1; at--) {
    const above = outline[at]!
    if (above.level >= level) continue
    if (NOT_RESULTS.test(above.title)) return false
    level = above.level
  }
  return true
}

/** The lines of typed text (figures as FIGURE_MARK) that report nothing checkable, without their spaces. */
export const findVagueLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/\s/g, ''))
    .filter((line) => line.length >= MIN_CHARACTERS && !CONCRETE.test(line) && (line.match(STOCK) ?? []).length >= MIN_STOCK)
