import { describe, expect, it } from 'vitest'
import { convertUnit } from '../../shared/indicators/unitScale.js'

describe('units at another scale', () => {
  it('converts 万元 to 亿元 and back, and the like', () => {
    expect(convertUnit(48000, '万元', '亿元')).toBe(4.8)
    expect(convertUnit(1.2, '亿元', '万元')).toBe(12000)
    expect(convertUnit(10020000, '元', '万元')).toBe(1002)
    expect(convertUnit(3.5, '万吨', '吨')).toBe(35000)
    expect(convertUnit(120000, '人次', '万人次')).toBe(12)
  })

  it('leaves alone what is not the same unit at another scale', () => {
    expect(convertUnit(20, '个', '家')).toBeNull()
    expect(convertUnit(20, '万元', '个')).toBeNull()
    expect(convertUnit(20, '亿元', '亿元')).toBeNull()
    expect(convertUnit(20, '万', '亿')).toBeNull()
    expect(convertUnit(20, '平方米', '亩')).toBeNull()
  })
})
