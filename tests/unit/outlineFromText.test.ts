import { describe, expect, it } from 'vitest'
import { outlineFromParagraphs, templateFromOutline } from '../../shared/outlineFromText.js'
import { validateTemplate } from '../../shared/schema/template.js'

const WORD_FILE = [
  '青山工业园区管理委员会2025年度工作总结',
  '',
  '　　2025年，园区在区委、区政府的正确领导下，现将一年来的工作总结如下：',
  '一、主要工作完成情况',
  '（一）招商引资取得新突破。全年新签工业项目20个，协议资金4.8亿元。',
  '1.拓宽招商渠道',
  '坚持以商招商。',
  '(二)项目建设提速增效',
  '二、存在的问题和不足',
  '三、2026年工作打算',
  '青山工业园区管理委员会',
  '2025年12月31日',
]

describe('an outline read from a Word summary', () => {
  it('finds headings by their markers as deep as asked, keeping a sentence’s first clause', () => {
    expect(outlineFromParagraphs(WORD_FILE)).toEqual({
      title: '{organisation}{year}年度工作总结',
      lead: true,
      headings: [
        { level: 1, title: '主要工作完成情况' },
        { level: 2, title: '招商引资取得新突破' },
        { level: 2, title: '项目建设提速增效' },
        { level: 1, title: '存在的问题和不足' },
        // Next year's plan in a 2025 file: next year's whatever year the template is used for.
        { level: 1, title: '{nextYear}年工作打算' },
      ],
    })
    expect(outlineFromParagraphs(WORD_FILE, 3).headings.map((heading) => heading.title)).toContain('拓宽招商渠道')
    // The year-and-date closing is not a heading; a title in 20xx form is read too.
    expect(outlineFromParagraphs(['XX工业园区20xx年效能建设工作总结', '一、加强领导']).title).toBe('{organisation}{year}年效能建设工作总结')
    expect(outlineFromParagraphs(['XX园区2025年工作总结和2026年工作打算', '一、2025年主要工作']).title).toBe('{organisation}{year}年工作总结和{nextYear}年工作打算')
    expect(outlineFromParagraphs(['一、只有标题']).lead).toBe(false)
  })

  it('makes a valid template, sections nested under the heading before them, all the office’s to assign', () => {
    const template = templateFromOutline(outlineFromParagraphs(WORD_FILE, 3), 'qingshan-2025')
    expect(validateTemplate(template).ok).toBe(true)
    expect(template.departments).toEqual(['办公室'])
    expect(template.sections.map((section) => section.title)).toEqual(['导语', '主要工作完成情况', '存在的问题和不足', '{nextYear}年工作打算'])
    expect(template.sections[0]).toMatchObject({ id: 'lead', lead: true })
    const work = template.sections[1]!
    expect(work.children!.map((child) => [child.title, child.children?.map((grandchild) => grandchild.title) ?? []])).toEqual([
      ['招商引资取得新突破', ['拓宽招商渠道']],
      ['项目建设提速增效', []],
    ])
  })

  it('nests a heading that skips a level under the one before it', () => {
    const template = templateFromOutline(outlineFromParagraphs(['一、甲', '1.乙', '二、丙'], 3), 't')
    expect(template.sections.map((section) => [section.title, section.children?.map((child) => child.title) ?? []])).toEqual([['甲', ['乙']], ['丙', []]])
  })
})
