import { describe, expect, it } from 'vitest'
import { createId } from '../../server/ids.js'

describe('ids', () => {
  it('are URL-safe and never start with a dash, which a command line would take for an option', () => {
    // One base64url id in 64 starts with '-': 5,000 ids would show it.
    const ids = Array.from({ length: 5000 }, createId)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{11}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
