import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkSummary } from '../../shared/preflight.js'
import { describePersonalInfo, findPersonalInfo, maskPersonalInfo } from '../../shared/personalInfo.js'
import { buildFixture } from './exportFixture.js'

describe('个人信息', () => {
  it('finds mobile numbers, written any usual way, and shows them masked', () => {
    expect(findPersonalInfo('联系人张师傅（13812345678），备用 139-8765-4321，或 150 1234 5678。')).toEqual([
      { kind: 'mobile', masked: '138****5678' },
      { kind: 'mobile', masked: '139****4321' },
      { kind: 'mobile', masked: '150****5678' },
    ])
  })

  it('finds ID numbers whose check character is right, and nothing that merely has 18 digits', () => {
    // 11010519491231002X is the standard's own example; the second differs in its check digit.
    expect(findPersonalInfo('困难职工王某，身份证号11010519491231002X，已纳入帮扶。')).toEqual([{ kind: 'id-card', masked: '1101**********002X' }])
    expect(findPersonalInfo('项目编号110105194912310021')).toEqual([])
    // An ID in a province whose code starts 13 is not also read as a mobile number.
    expect(findPersonalInfo('身份证130102199003070011')).toEqual([{ kind: 'id-card', masked: '1301**********0011' }])
  })

  it('leaves office numbers, figures, years and long counts alone', () => {
    expect(findPersonalInfo('办公室电话0571-88881234，协议资金13.8亿元，2026年，共计15000000000元，编号A13812345678。')).toEqual([])
  })

  it('leaves a line published for the public to call, even on a mobile number, and still finds a person’s', () => {
    expect(findPersonalInfo('开通企业服务热线13812345678，公布举报电话：13912345678。')).toEqual([])
    expect(findPersonalInfo('帮扶对象张某（电话13712345678）已落实岗位。')).toEqual([{ kind: 'mobile', masked: '137****5678' }])
  })

  it('names the first few and counts the rest', () => {
    const items = findPersonalInfo('13812345678、13912345678、13712345678、13612345678')
    expect(describePersonalInfo(items)).toBe('手机号码 138****5678、手机号码 139****5678、手机号码 137****5678 等 4 处')
  })

  it('is a check of the preflight, on the section it is in, without printing the number', () => {
    const doc = buildFixture()
    const fragment = doc.getXmlFragment('section:invest')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('帮扶对象联系电话13812345678。')])
    fragment.insert(fragment.length, [paragraph])
    const personal = checkSummary(doc).checks.filter((check) => check.kind === 'personal')
    expect(personal).toHaveLength(1)
    expect(personal[0]).toMatchObject({ sectionId: 'invest', message: expect.stringContaining('手机号码 138****5678') })
    expect(personal[0]!.message).not.toContain('13812345678')
  })

  it('masks them in place for the 公开版, leaving everything else as it was', () => {
    expect(maskPersonalInfo('走访王某（13812345678，身份证11010519491231002X），办公室电话0571-88881234。')).toBe('走访王某（138****5678，身份证1101**********002X），办公室电话0571-88881234。')
    expect(maskPersonalInfo('备用 139-8765-4321')).toBe('备用 139****4321')
    expect(maskPersonalInfo('全年新签项目20个')).toBe('全年新签项目20个')
  })
})
