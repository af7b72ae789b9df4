import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getIndicators } from '../../shared/doc/indicators.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { checkSummary } from '../../shared/preflight.js'
import { findTargetClaims } from '../../shared/targetClaims.js'
import { buildFixture } from './exportFixture.js'
import { indicatorData } from './indicatorFixture.js'

/** 4.5亿元 of a 5亿元 target unless told otherwise. */
const figure = (overrides: Parameters<typeof indicatorData>[0]) => indicatorData({ value: 4.5, target: 5, ...overrides })

const figures = {
  agreed_funds: figure({}), // 90% of its target
  new_projects: figure({ label: '新签工业项目', unit: '个', precision: 0, value: 18, target: 16 }),
  arrived_funds: figure({ label: '到位资金', value: null }),
  tax: figure({ label: '园区全年税收', unit: '万元', value: 1000, target: null }),
}

describe('targets claimed met that the data says are not', () => {
  it('reads a claim against the figures its line names', () => {
    expect(findTargetClaims('全年协议资金4.5亿元，超额完成年度目标任务。', [], figures)).toEqual([{ key: 'agreed_funds', typed: '超额完成', expected: '协议资金完成目标的90%', claim: true }])
    // The figure named met its target: nothing to say; nor where there is no target or no value.
    expect(findTargetClaims('新签工业项目18个，超额完成全年目标。', ['agreed_funds'], figures)).toEqual([])
    expect(findTargetClaims('园区全年税收1000万元，圆满完成任务；到位资金圆满完成。', [], figures)).toEqual([])
  })

  it('reads a claim naming no figure against the figures the section shows', () => {
    expect(findTargetClaims('全面完成年度各项目标任务。', ['new_projects', 'agreed_funds'], figures)).toEqual([{ key: 'agreed_funds', typed: '全面完成', expected: '协议资金完成目标的90%', claim: true }])
    expect(findTargetClaims('全面完成年度各项目标任务。', ['new_projects'], figures)).toEqual([])
    // A claim about something else is no claim about the figures.
    expect(findTargetClaims('圆满完成各项接待任务。', ['agreed_funds'], figures)).toEqual([])
    expect(findTargetClaims('圆满完成各项接待任务；超额完成全年招商指标。', ['agreed_funds'], figures)).toEqual([{ key: 'agreed_funds', typed: '超额完成', expected: '协议资金完成目标的90%', claim: true }])
  })

  it('takes a claim denied for no claim, and reads each line on its own', () => {
    expect(findTargetClaims('协议资金4.5亿元，未能全面完成年度目标。', [], figures)).toEqual([])
    expect(findTargetClaims('协议资金4.5亿元。\n新签工业项目超额完成。', [], figures)).toEqual([])
  })

  it('is a figure to check (需核对) before export, and goes once the target is met', () => {
    const doc = buildFixture()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('全面完成年度招商目标任务。')])
    doc.getXmlFragment(sectionRoot('invest')).insert(0, [paragraph])
    const claims = () => checkSummary(doc).checks.filter((check) => check.kind === 'figure')
    expect(claims()).toEqual([]) // 协议资金 4.8 of 4.5
    getIndicators(doc).set('agreed_funds', { ...getIndicators(doc).get('agreed_funds')!, target: 6 })
    expect(claims()).toEqual([{ kind: 'figure', sectionId: 'invest', key: 'agreed_funds', message: '“（一）招商引资成效显著”中写有“全面完成”，但协议资金完成目标的80%，请核对' }])
  })
})
