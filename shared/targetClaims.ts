/**
 * 超额完成 where the data says otherwise: a line (paragraph, list item, cell) that claims targets
 * met — 超额完成、全面完成、圆满完成、提前完成… — about a figure short of its target. The figure is
 * one whose label the line names; a line naming none is read against the figures the section
 * shows, when its sentence speaks of targets (全面完成年度各项目标任务 — not 圆满完成接待任务).
 * A claim denied (未能全面完成) is no claim.
 */
import { formatCompletion } from './indicators/format.js'
import type { IndicatorData } from './indicators/types.js'
import type { TypedFigureMismatch } from './typedFigures.js'

const CLAIM = /(未能|尚未|没有|未)?(超额完成|全面完成|圆满完成|全部完成|均已完成|均完成|提前完成)/g
/** A sentence about targets, for a claim that names no figure. */
const ABOUT_TARGETS = /目标|指标/

/** The sentence of `line` around `index`. */
const sentenceAt = (line: string, index: number): string => {
  const start = Math.max(...['。', '；', '！', '？'].map((mark) => line.lastIndexOf(mark, index))) + 1
  const ends = ['。', '；', '！', '？'].map((mark) => line.indexOf(mark, index)).filter((at) => at >= 0)
  return line.slice(start, ends.length > 0 ? Math.min(...ends) : line.length)
}

const shortOfTarget = (figure: IndicatorData | undefined): figure is IndicatorData =>
  figure !== undefined && figure.value !== null && figure.target !== null && figure.target > 0 && figure.value < figure.target

/** `text`: the section as it prints (figures as values), one line per paragraph; `shown`: the keys of the figures it shows. */
export const findTargetClaims = (text: string, shown: readonly string[], figures: Readonly<Record<string, IndicatorData>>): TypedFigureMismatch[] => {
  const found: TypedFigureMismatch[] = []
  for (const line of text.split('\n')) {
    const claims = [...line.matchAll(CLAIM)].filter((match) => !match[1])
    if (claims.length === 0) continue
    const named = Object.keys(figures).filter((key) => figures[key]!.label.length >= 2 && line.includes(figures[key]!.label))
    const claim = named.length > 0 ? claims[0] : claims.find((each) => ABOUT_TARGETS.test(sentenceAt(line, each.index)))
    if (!claim) continue
    for (const key of named.length > 0 ? named : shown) {
      const figure = figures[key]
      if (!shortOfTarget(figure)) continue
      found.push({ key, typed: claim[2]!, expected: `${figure.label}${formatCompletion(figure)}`, claim: true })
    }
  }
  return found
}
