import { describe, expect, it } from 'vitest'
import { describeOffset } from './offset-text'

describe('describeOffset', () => {
  it.each([
    [90_000, '90 s behind'],
    [-90_000, '90 s ahead'],
    [7_400, '7 s behind'],
    [200, '1 s behind'],
    [119_400, '119 s behind'],
    [120_000, '2 min behind'],
    [-45 * 60_000, '45 min ahead'],
    [2 * 3_600_000, '2 h behind'],
    [-5.5 * 3_600_000, '6 h ahead'],
  ])('%d ms reads %j', (offsetMs, text) => {
    expect(describeOffset(offsetMs)).toBe(text)
  })
})
