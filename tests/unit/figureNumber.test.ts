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

  it('refuses what is not a number', () => {
    for (const text of ['约20', '4.8亿元', '1.2.3', '%', 'NaN']) expect(readFigureNumber(text, '%')).toEqual({ ok: false, message: '不是数字' })
    expect(readFigureNumber(Number.POSITIVE_INFINITY, '%')).toEqual({ ok: false, message: '不是数字' })
  })

  it('shows a percent-formatted cell as the sheet does, without binary noise', () => {
    expect(percentCellText(0.985)).toBe('98.5%')
    expect(percentCellText(0.07)).toBe('7%')
    expect(percentCellText(1.125)).toBe('112.5%')
  })
})
