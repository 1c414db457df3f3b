import { describe, expect, it, vi } from 'vitest'
import type { AccountSummary, CodeFrames } from '../../shared/contract'
import { normaliseKey } from '../otp/base32'
import { codeFrame } from '../otp/generate'
import type { Vault } from '../vault/vault'
import { createFrameService, REPLY_FRAMES_COMPUTED } from './frame-service'
import { SLICE_ITEMS } from '../core/slices'
import { testAccount } from '../../../test/helpers/accounts'

const KEY = (() => {
  const k = normaliseKey('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
  if (!k.ok) throw new Error('bad key')
  return k.value.bytes
})()
const account = (id: string, extra: Partial<AccountSummary> = {}): AccountSummary => testAccount(0, { id, ...extra })

/** Only what the code service reads from a vault. */
function fakeVault(accounts: AccountSummary[]): Vault {
  return {
    accounts: () => accounts,
    get: (id: string) => accounts.find((a) => a.id === id),
    key: () => KEY,
  } as unknown as Vault
}

function setup(accounts: AccountSummary[], startMs: number) {
  let now = startMs
  let correction = 0
  const timers: Array<{ at: number; fn: () => void }> = []
  const published: number[] = []
  const sets: CodeFrames[] = []
  const service = createFrameService({
    vault: fakeVault(accounts),
    now: () => now,
    correctionMs: () => correction,
    setTimer: (fn, ms) => (timers.push({ at: now + ms, fn }), timers.length),
    clearTimer: () => timers.splice(0),
  })
  service.onChange((f) => (published.push(f.frames.length), sets.push(f)))
  return {
    service,
    published,
    sets,
    timers,
    setNow: (t: number) => (now = t),
    setCorrection: (c: number) => (correction = c),
  }
}

const T0 = Date.UTC(2026, 0, 1, 0, 0, 10)

describe('code frames', () => {
  it('computes each account frame on the code clock and pushes at the next boundary', () => {
    const { service, published, timers } = setup([account('acc_aaaaaaaa'), account('acc_bbbbbbbb', { period: 60 })], T0)
    const frames = service.frames()
    expect(frames.frames).toEqual([
      { accountId: 'acc_aaaaaaaa', ...codeFrame(account('acc_aaaaaaaa'), KEY, T0) },
      { accountId: 'acc_bbbbbbbb', ...codeFrame(account('acc_bbbbbbbb', { period: 60 }), KEY, T0) },
    ])
    service.refresh()
    expect(published).toEqual([2])
    // 10 s into the minute: the 30 s account rolls over first, 20 s (+5 ms) from now.
    expect(timers.map((t) => t.at - T0)).toEqual([20_005])
  })

  it('reuses a frame within its period and recomputes after it', () => {
    const { service, setNow } = setup([account('acc_aaaaaaaa')], T0)
    const first = service.frames().frames[0]
    setNow(T0 + 15_000)
    expect(service.frames().frames[0]).toBe(first)
    setNow(T0 + 20_001)
    const next = service.frames().frames[0]!
    expect(next).not.toBe(first)
    expect(next.code).toBe(first!.nextCode)
    expect(next.periodStart).toBe(first!.periodStart + 30_000)
  })

  it('uses corrected time when there is a correction', () => {
    const { service, setCorrection } = setup([account('acc_aaaaaaaa')], T0)
    setCorrection(90_000)
    expect(service.frames()).toMatchObject({ correctionMs: 90_000, frames: [{ code: codeFrame(account('acc_aaaaaaaa'), KEY, T0 + 90_000).code }] })
  })

  it('a changed account (HOTP counter) gets a new frame at once', () => {
    const hotp = account('acc_hhhhhhhh', { type: 'hotp', counter: 1 })
    const accounts = [hotp]
    const { service } = setup(accounts, T0)
    const first = service.frames().frames[0]!
    accounts[0] = { ...hotp, counter: 2 }
    const second = service.frames().frames[0]!
    expect(second.code).not.toBe(first.code)
    expect(second.code).toBe(codeFrame(accounts[0], KEY, T0).code)
  })

  it('many new accounts: computed a slice at a time, then pushed once', async () => {
    const many = Array.from({ length: SLICE_ITEMS * 4 }, (_, i) => account(`acc_${String(i).padStart(8, '0')}`, { period: 30 + (i % 3) * 30 }))
    const { service, published } = setup(many, T0)
    service.refresh()
    service.refresh()
    expect(published).toEqual([])
    await service.warm()
    expect(published).toEqual([many.length])
    expect(service.frames().frames).toEqual(many.map((a) => ({ accountId: a.id, ...codeFrame(a, KEY, T0) })))
    // All ready now: a refresh pushes at once.
    service.refresh()
    expect(published).toEqual([many.length, many.length])
    service.dispose()
  })

  it('a reply answers at once after an import: it computes a few new frames, and the rest follow in a newer push', async () => {
    const many = Array.from({ length: REPLY_FRAMES_COMPUTED * 3 }, (_, i) => account(`acc_${String(i).padStart(8, '0')}`))
    const { service, sets } = setup(many, T0)
    const all = many.map((a) => ({ accountId: a.id, ...codeFrame(a, KEY, T0) }))
    const reply = service.framesNow()
    // The first accounts' frames, right; none of the others yet, and nothing waited for.
    expect(reply.frames).toEqual(all.slice(0, REPLY_FRAMES_COMPUTED))
    expect(sets).toEqual([])
    await vi.waitFor(() => expect(sets).toHaveLength(1))
    expect(sets[0]!.frames).toEqual(all)
    expect(sets[0]!.seq).toBeGreaterThan(reply.seq)
    // All ready now: the next reply has them all, and computes none.
    const later = service.framesNow()
    expect(later.frames).toEqual(all)
    expect(later.seq).toBeGreaterThan(sets[0]!.seq)
    expect(sets).toHaveLength(1)
    service.dispose()
  })

  it('a reply with few new frames has them all, and no push is owed for it', () => {
    const few = Array.from({ length: REPLY_FRAMES_COMPUTED }, (_, i) => account(`acc_${String(i).padStart(8, '0')}`))
    const { service, sets } = setup(few, T0)
    expect(service.framesNow().frames).toEqual(few.map((a) => ({ accountId: a.id, ...codeFrame(a, KEY, T0) })))
    expect(sets).toEqual([])
  })

  it('every set sent has a higher seq than the last, starting above the clock so a restarted main outranks the old one', () => {
    const { service } = setup([account('acc_aaaaaaaa')], T0)
    const seqs = [service.frames().seq, service.framesNow().seq, service.frames().seq]
    expect(seqs[0]).toBeGreaterThanOrEqual(T0)
    expect(seqs[1]).toBeGreaterThan(seqs[0]!)
    expect(seqs[2]).toBeGreaterThan(seqs[1]!)
  })
})
