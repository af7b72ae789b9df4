import { describe, expect, it } from 'vitest'
import { versionCreateSchema } from '../../shared/schema/sections.js'
import { autoVersionName } from '../../server/summary/versions.js'

describe('the name of the version saved before a section’s text goes', () => {
  it('names the numbered heading', () => {
    expect(autoVersionName('删除', '（三）压紧压实安全生产责任')).toBe('删除“（三）压紧压实安全生产责任”前自动保存')
    expect(autoVersionName('恢复', '1.拓宽招商渠道')).toBe('恢复“1.拓宽招商渠道”前自动保存')
  })

  it('shortens a long heading so the name is still a valid version name', () => {
    const name = autoVersionName('删除', `一、${'加'.repeat(80)}`)
    expect(name).toMatch(/^删除“一、加+…”前自动保存$/)
    expect(name).toHaveLength(50)
    expect(versionCreateSchema.safeParse({ name }).success).toBe(true)
  })
})
