import { describe, expect, it } from 'vitest'
import { groupCode } from './group-code'

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['P2QJN', 'P2QJN'],
    ['', ''],
  ])('%j reads as %j', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped)
  })
})
