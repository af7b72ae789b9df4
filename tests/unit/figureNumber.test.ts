import { describe, expect, it } from 'vitest'
import { percentCellText, readFigureNumber } from '../../shared/indicators/figureNumber.js'

describe('a figure as people type it', () => {
  it('reads separators, full-width digits and blanks', () => {
    expect(readFigureNumber('1,002', '万元')).toEqual({ ok: true, value: 1002 })
    expect(readFigureNumber('1，002.5 ', '万元')).toEqual({ ok: true, value: 1002.5 })
    expect(readFigureNumber('４．８', '亿元')).toEqual({ ok: true, value: 4.8 })
    expect(readFigureNumber('－3', '%')).toEqual({ ok: true, value: -3 })
    expect(readFigureNumber(' ', '个')).toEqual({ ok: true, value: null })
    expect(readFigureNumber(null, '个')).toEqual({ ok: true, value: null })
    expect(readFigureNumber(12, '个')).toEqual({ ok: true, value: 12 })
  })

  it('takes a percentage for a figure in % only', () => {
    expect(readFigureNumber('98.5%', '%')).toEqual({ ok: true, value: 98.5 })
    expect(readFigureNumber('98.5％', '％')).toEqual({ ok: true, value: 98.5 })
    expect(readFigureNumber('15%', '亿元')).toEqual({ ok: false, message: '是百分数，而该指标的单位是“亿元”' })
    expect(readFigureNumber('15%', undefined)).toEqual({ ok: false, message: '是百分数，而该指标的单位是“无”' })
  })

  it('reads a unit written after the number: the figure’s own, or the same kind at another scale', () => {
    expect(readFigureNumber('4.8亿元', '亿元')).toEqual({ ok: true, value: 4.8 })
    expect(readFigureNumber('48,000万元', '亿元')).toEqual({ ok: true, value: 4.8, from: '万元' })
    expect(readFigureNumber('30余次', '次')).toEqual({ ok: true, value: 30 })
    expect(readFigureNumber('20多', '个')).toEqual({ ok: true, value: 20 })
    expect(readFigureNumber('20家', '个')).toEqual({ ok: false, message: '的单位“家”与该指标的单位“个”不同' })
    expect(readFigureNumber('4.8亿元', '个')).toEqual({ ok: false, message: '的单位“亿元”与该指标的单位“个”不同' })
  })

  it('refuses what is not a number', () => {
    for (const text of ['约20', '1.2.3', '%', 'NaN', '二十']) expect(readFigureNumber(text, '%')).toEqual({ ok: false, message: '不是数字' })
    expect(readFigureNumber(Number.POSITIVE_INFINITY, '%')).toEqual({ ok: false, message: '不是数字' })
  })

  it('shows a percent-formatted cell as the sheet does, without binary noise', () => {
    expect(percentCellText(0.985)).toBe('98.5%')
    expect(percentCellText(0.07)).toBe('7%')
    expect(percentCellText(1.125)).toBe('112.5%')
  })
})
