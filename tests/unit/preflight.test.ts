import { describe, expect, it } from 'vitest'
import { getOutline } from '../../shared/doc/outline.js'
import { writeMeta } from '../../shared/doc/outline.js'
import { checkSummary, countProblems, runPreflight } from '../../shared/preflight.js'
import { findPlaceholders } from '../../shared/sectionAnalysis.js'
import { buildFixture } from './exportFixture.js'

describe('preflight', () => {
  it('lists every kind of problem with its section', () => {
    const problems = runPreflight(buildFixture())
    expect(countProblems(problems)).toEqual({ 'empty-section': 2, 'missing-indicator': 1, placeholder: 3, 'unresolved-comment': 1, 'not-final': 5 })
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'missing-indicator', key: 'arrived_funds', sectionId: 'invest' }))
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'empty-section', sectionId: 'problems' }))
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'unresolved-comment', sectionId: 'invest', threadId: 't1' }))
    expect(problems.filter((problem) => problem.kind === 'placeholder').map((problem) => problem.sectionId)).toEqual(['invest', 'fairs', 'fairs'])
  })

  it('points out a summary longer than the office’s 全文字数上限, and only then', () => {
    const doc = buildFixture()
    const words = () => checkSummary(doc).checks.filter((check) => check.kind === 'length')
    expect(words()).toEqual([])
    writeMeta(doc, { wordLimit: 20 })
    // Counted as the progress report counts: figures as printed, the table of figures included.
    expect(words()).toEqual([{ kind: 'length', message: '全文 79 字，超过要求的 20 字（多 59 字），请压缩' }])
    writeMeta(doc, { wordLimit: 10_000 })
    expect(words()).toEqual([])
    writeMeta(doc, { wordLimit: null })
    expect(words()).toEqual([])
  })

  it('names the sections furthest over their 字数目标 when the whole is over its limit', () => {
    const doc = buildFixture()
    const outline = getOutline(doc)
    for (const entry of outline.toArray()) entry.set('wordTarget', 5)
    const lengths = () => checkSummary(doc).checks.filter((check) => check.kind === 'length')
    // Within its limit, a section over its own target is no news.
    expect(lengths()).toEqual([])
    writeMeta(doc, { wordLimit: 20 })
    const [whole, ...sections] = lengths()
    expect(whole!.sectionId).toBeUndefined()
    expect(sections.length).toBeGreaterThan(0)
    expect(sections[0]!.message).toMatch(/^“.+”\d+ 字，超出本节字数目标（5 字）\d+ 字$/)
    const over = sections.map((check) => Number(/）(\d+) 字$/.exec(check.message)![1]))
    expect(over).toEqual([...over].sort((a, b) => b - a))
  })

  it('leaves out the comments of a deleted section, which no one could resolve until it is restored', () => {
    const doc = buildFixture()
    const outline = getOutline(doc)
    outline.delete(outline.toArray().findIndex((entry) => entry.get('id') === 'invest'), 1)
    expect(runPreflight(doc).filter((problem) => problem.kind === 'unresolved-comment')).toEqual([])
  })

  it.each([
    ['20xx年', ['20xx']],
    ['20**年工作', ['20**']],
    ['201*年', ['201*']],
    ['**工业园区', ['**']],
    ['××镇和XX村、xx公司', ['××', 'XX', 'xx']],
    ['标点丢失□□', ['□□']],
    ['协议资金【待填：协议资金】', ['【待填：协议资金】']],
    ['Xbox 与 XXL 尺码、2026年', []],
  ])('finds placeholders in “%s”', (text, expected) => {
    expect([...findPlaceholders(text).keys()]).toEqual(expected)
  })
})
