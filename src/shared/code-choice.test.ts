import { describe, expect, it } from 'vitest'
import type { CodeFrame } from './contract'
import { chooseCode } from './code-choice'

const start = 1_767_225_600_000
const totp: CodeFrame = { accountId: 'account-0001', code: '111111', nextCode: '222222', periodStart: start, period: 30 }
const at = (secondsIn: number) => start + secondsIn * 1000

describe('chooseCode: one rule for click, Enter, tray and quick pick', () => {
  it('copies the current code when the setting is off, however little time is left', () => {
    expect(chooseCode(totp, 'current', 0, at(29.5))).toEqual({ code: '111111', which: 'current', secondsLeft: 0.5 })
  })

  it.each<[number, number, 'current' | 'next']>([
    [5, 20, 'current'],
    [5, 25, 'current'],
    [5, 25.1, 'next'],
    [5, 29.9, 'next'],
    [10, 20.5, 'next'],
    [10, 19.9, 'current'],
  ])('below %i s, at %f s into the period → %s', (below, secondsIn, which) => {
    const choice = chooseCode(totp, 'current', below, at(secondsIn))
    expect(choice.which).toBe(which)
    expect(choice.code).toBe(which === 'next' ? '222222' : '111111')
  })

  it('says how long the copied code lasts: the next one gets its own period too', () => {
    expect(chooseCode(totp, 'current', 5, at(27))).toEqual({ code: '222222', which: 'next', secondsLeft: 33 })
    expect(chooseCode(totp, 'next', 0, at(10))).toEqual({ code: '222222', which: 'next', secondsLeft: 50 })
  })

  it('HOTP has no next code and no countdown: always the current one', () => {
    const hotp: CodeFrame = { ...totp, nextCode: null, periodStart: 0, period: 0 }
    expect(chooseCode(hotp, 'current', 10, at(29))).toEqual({ code: '111111', which: 'current', secondsLeft: null })
    expect(chooseCode(hotp, 'next', 10, at(29))).toEqual({ code: '111111', which: 'current', secondsLeft: null })
  })
})
