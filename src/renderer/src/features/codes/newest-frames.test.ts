import { describe, expect, it } from 'vitest'
import { newestFrames } from './newest-frames'

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
})
