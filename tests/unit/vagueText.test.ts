import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { OutlineEntry } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { checkSummary } from '../../shared/preflight.js'
import { FIGURE_MARK } from '../../shared/punctuation.js'
import { findVagueLines, reportsResults } from '../../shared/vagueText.js'
import { buildFixture } from './exportFixture.js'

/** A paragraph as the seeds have them: all stock phrases, nothing to check. */
const VAGUE = '一是做好安全生产工作，提高企业安全生产标准化水平。认真落实市安委会的相关文件精神，严格执行安全工作部署，不断提高企业安全生产标准化水平。'

describe('空泛: results with nothing checkable', () => {
  it('flags a long paragraph of stock phrases without a number, figure, document or counted thing', () => {
    expect(findVagueLines(VAGUE)).toEqual([VAGUE])
    // Anything a reader can check makes it concrete.
    expect(findVagueLines(VAGUE.replace('文件精神', '文件精神，开展检查24次'))).toEqual([])
    expect(findVagueLines(VAGUE.replace('文件精神', '文件精神，开展检查２４次'))).toEqual([])
    expect(findVagueLines(VAGUE.replace('文件精神', `文件精神，新增企业${FIGURE_MARK}`))).toEqual([])
    expect(findVagueLines(VAGUE.replace('文件精神', '文件精神，出台《安全生产责任制规定》'))).toEqual([])
    expect(findVagueLines(VAGUE.replace('文件精神', '文件精神，检查企业三十余家'))).toEqual([])
    // Short lines and plain statements are left alone.
    expect(findVagueLines('全年安全生产工作取得明显成效，认真落实各项制度。')).toEqual([])
    expect(findVagueLines('园区围绕主导产业开展招商，走访长三角、珠三角的企业，洽谈汽车零部件、电子信息等项目，落实专人跟踪服务。')).toEqual([])
    // Each line on its own.
    expect(findVagueLines(`开展检查24次。\n${VAGUE}`)).toEqual([VAGUE])
  })

  it('reads only sections reporting results: leaves, not the lead, not under problems or plans', () => {
    const entry = (id: string, title: string, level: number, lead = false): OutlineEntry => ({ id, title, level, departmentId: 'd', status: 'drafting', hint: '', wordTarget: 0, lead })
    const outline = [
      entry('lead', '导语', 1, true),
      entry('work', '主要工作完成情况', 1),
      entry('invest', '招商引资取得新突破', 2),
      entry('channels', '拓宽招商渠道', 3),
      entry('safety', '安全生产形势平稳', 2),
      entry('problems', '存在的问题和不足', 1),
      entry('plan', '2027年工作打算', 1),
      entry('plan-invest', '聚焦主导产业精准招商', 2),
    ]
    expect(outline.map((_, index) => reportsResults(outline, index))).toEqual([false, false, false, true, true, false, false, false])
  })

  it('is a check (not a problem) before export, for results sections only', () => {
    const doc = buildFixture()
    const write = (sectionId: string) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(VAGUE)])
      doc.getXmlFragment(sectionRoot(sectionId)).insert(0, [paragraph])
    }
    write('fairs')
    write('problems')
    const { problems, checks } = checkSummary(doc)
    expect(checks.filter((check) => check.kind === 'vague')).toEqual([
      { kind: 'vague', sectionId: 'fairs', message: expect.stringMatching(/^“（1）参加展会”中有 1 段没有数字或具体事例，如“一是做好安全生产工作，提高企业安全生产标……”，可补充/) },
    ])
    expect(problems.some((problem) => (problem.kind as string) === 'vague')).toBe(false)
  })
})
