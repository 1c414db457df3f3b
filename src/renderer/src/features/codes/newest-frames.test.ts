import { describe, expect, it } from 'vitest'
import { msToRollOver, newestFrames, rolledOver } from './newest-frames'

const frame = (accountId: string, code: string) => ({ accountId, code, nextCode: null, periodStart: 0, period: 30 })

describe('the newest set of code frames', () => {
  it('replaces what is held with a newer set, keyed by account', () => {
    expect(newestFrames(5, { frames: [frame('acc_aaaaaaaa', '123456')], correctionMs: 40, seq: 6 })).toEqual({ frames: { acc_aaaaaaaa: frame('acc_aaaaaaaa', '123456') }, correctionMs: 40, framesSeq: 6 })
  })

  it('drops a set older than the one held: a late reply never brings back an expired code', () => {
    expect(newestFrames(7, { frames: [frame('acc_aaaaaaaa', '654321')], correctionMs: 0, seq: 6 })).toBeNull()
  })

  it('takes the same set twice (a reply and a push of one moment)', () => {
    expect(newestFrames(6, { frames: [], correctionMs: 0, seq: 6 })).toEqual({ frames: {}, correctionMs: 0, framesSeq: 6 })
  })

  it('keeps a frame equal to the one shown as that object, so its row does not render again', () => {
    const shown = { acc_aaaaaaaa: frame('acc_aaaaaaaa', '123456'), acc_bbbbbbbb: frame('acc_bbbbbbbb', '111111') }
    const next = newestFrames(6, { frames: [frame('acc_aaaaaaaa', '123456'), frame('acc_bbbbbbbb', '222222'), frame('acc_cccccccc', '333333')], correctionMs: 0, seq: 7 }, shown)!
    expect(next.frames.acc_aaaaaaaa).toBe(shown.acc_aaaaaaaa)
    expect(next.frames.acc_bbbbbbbb).toEqual(frame('acc_bbbbbbbb', '222222'))
    expect(next.frames).toEqual({ acc_aaaaaaaa: frame('acc_aaaaaaaa', '123456'), acc_bbbbbbbb: frame('acc_bbbbbbbb', '222222'), acc_cccccccc: frame('acc_cccccccc', '333333') })
  })
})

describe('codes on time at a period boundary, from what main sent', () => {
  const T = 1_800_000_000_000
  const totp = { accountId: 'acc_aaaaaaaa', code: '111111', nextCode: '222222', periodStart: T, period: 30 }
  const steam = { accountId: 'acc_ssssssss', code: 'ABCDE', nextCode: 'FGHJK', periodStart: T, period: 30 }
  const minute = { accountId: 'acc_mmmmmmmm', code: '333333', nextCode: '444444', periodStart: T, period: 60 }
  const hotp = { accountId: 'acc_hhhhhhhh', code: '555555', nextCode: null, periodStart: 0, period: 0 }
  const held = { [totp.accountId]: totp, [steam.accountId]: steam, [minute.accountId]: minute, [hotp.accountId]: hotp }

  it('waits for the first period to end; HOTP never ends', () => {
    expect(msToRollOver(held, T + 10_000)).toBe(20_000)
    expect(msToRollOver(held, T + 31_000)).toBe(0)
    expect(msToRollOver({ [hotp.accountId]: hotp }, T)).toBeNull()
    expect(msToRollOver({}, T)).toBeNull()
  })

  it('within every period nothing changes', () => {
    expect(rolledOver(held, T + 29_999)).toBeNull()
  })

  it('at the boundary an ended frame shows its next code for the next period; the others stay', () => {
    expect(rolledOver(held, T + 30_000)).toEqual({
      [totp.accountId]: { ...totp, code: '222222', nextCode: null, periodStart: T + 30_000 },
      [steam.accountId]: { ...steam, code: 'FGHJK', nextCode: null, periodStart: T + 30_000 },
      [minute.accountId]: minute,
      [hotp.accountId]: hotp,
    })
  })

  it('never shows an expired code: a frame with no code left for now is dropped', () => {
    const once = rolledOver(held, T + 30_000)!
    expect(rolledOver(once, T + 60_000)).toEqual({ [minute.accountId]: { ...minute, code: '444444', nextCode: null, periodStart: T + 60_000 }, [hotp.accountId]: hotp })
    // Asleep for two periods: even the next code has expired.
    expect(rolledOver(held, T + 61_000)).toEqual({ [minute.accountId]: { ...minute, code: '444444', nextCode: null, periodStart: T + 60_000 }, [hotp.accountId]: hotp })
  })
})
