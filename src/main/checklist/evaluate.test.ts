import { describe, expect, it } from 'vitest'
import type { ChecklistItemView as EvaluatedItem } from '../../shared/contract'
import { clockCondition } from '../../shared/clock-condition'
import { definitionsFor } from './definitions'
import { DAY_MS, evaluateChecklist, type ChecklistAccount, type ChecklistEvidence, type ChecklistInput } from './evaluate'
import { CLOCK_MAX_AGE_MS, mergeCoverage } from './evidence'
import { clockAt } from '../../../test/helpers/clock-status'
import { emptyChecklistState, setItem, setRegion, type ChecklistState, type ItemUpdate } from './state'
import { nextReviewAt, whatsLeft } from './whats-left'

const T0 = Date.UTC(2026, 0, 1)
const NOW = T0 + DAY_MS
const SC: ChecklistAccount = { id: 'account-0001', kind: 'seller-central', issuer: 'Amazon', label: 'seller@example.com', verifiedAt: T0 }
const KDP: ChecklistAccount = { id: 'account-0002', kind: 'kdp', issuer: 'KDP', label: 'author@example.com', verifiedAt: T0 }

const allGood: ChecklistEvidence = {
  accountIdsWithKey: new Set([SC.id, KDP.id]),
  clock: clockAt(NOW - 60_000, 120),
  backups: { accounts: { [SC.id]: { at: T0 }, [KDP.id]: { at: T0 } } },
  lock: { appLock: { met: true, finding: 'The app lock is on.' }, screenPrivacy: { met: true, finding: 'Codes stay hidden.' } },
}

function ticked(state: ChecklistState, ...updates: Omit<ItemUpdate, 'done'>[]): ChecklistState {
  return updates.reduce((s, u) => {
    const next = setItem(s, { ...u, done: true })
    if (!next.ok) throw new Error(next.error.kind)
    return next.value
  }, state)
}

const run = (over: Partial<ChecklistInput> = {}) => evaluateChecklist({ accounts: [SC], state: emptyChecklistState(), evidence: allGood, now: NOW, ...over })

function item(result: ReturnType<typeof run>, id: string, accountId: string | null = SC.id): EvaluatedItem {
  const items = accountId === null ? result.computer.items : result.accounts.find((a) => a.accountId === accountId)?.items
  const found = items?.find((i) => i.id === id)
  if (!found) throw new Error(`no ${id}`)
  return found
}

describe('evaluateChecklist: manual items', () => {
  it('an untouched item is to do, and says you tick it', () => {
    expect(item(run(), 'deposit-method')).toMatchObject({ status: 'todo', checkedBy: 'you' })
  })

  it('a ticked item is done, with when, who and the note', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0, by: 'Ana', note: 'Chase …1234' })
    expect(item(run({ state }), 'deposit-method')).toMatchObject({ status: 'done', doneAt: T0, by: 'Ana', note: 'Chase …1234' })
  })

  it('an unticked item is to do again, but keeps its note', () => {
    const state = setItem(ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'tax-interview', at: T0, note: 'W-8BEN-E' }), {
      accountId: SC.id,
      kind: 'seller-central',
      itemId: 'tax-interview',
      done: false,
      at: T0 + 5,
    })
    if (!state.ok) throw new Error('setItem failed')
    const tax = item(run({ state: state.value }), 'tax-interview')
    expect(tax).toMatchObject({ status: 'todo', note: 'W-8BEN-E' })
    expect(tax).not.toHaveProperty('doneAt')
  })

  it('an item with a review interval comes back as due once the interval has passed, not a moment before', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'bank-review', at: T0 })
    const reviewAt = T0 + 180 * DAY_MS
    const at = (now: number) => item(run({ state, now, evidence: { ...allGood, clock: clockAt(now - 1000, 0) } }), 'bank-review')
    expect(at(reviewAt - 1)).toMatchObject({ status: 'done', doneAt: T0, reviewAt })
    expect(at(reviewAt)).toMatchObject({ status: 'due', doneAt: T0, dueSince: reviewAt })
    expect(at(reviewAt + 400 * DAY_MS)).toMatchObject({ status: 'due', dueSince: reviewAt })
  })

  it('an item without an interval stays done for good', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0 })
    const later = item(run({ state, now: T0 + 3650 * DAY_MS }), 'deposit-method')
    expect(later.status).toBe('done')
    expect(later).not.toHaveProperty('reviewAt')
  })

  it('a tick stored for an evidence item (a hand-edited file) is ignored: SellerGuard decides', () => {
    const state: ChecklistState = { accounts: { [SC.id]: { region: null, items: { 'authenticator-app': { done: true, at: T0 } } } }, computer: { items: { 'recent-backup': { done: true, at: T0 } } } }
    const result = run({ state, evidence: { ...allGood, backups: { accounts: {} } } })
    expect(item(result, 'recent-backup', null)).toMatchObject({ status: 'failing', checkedBy: 'sellerguard' })
    expect(item(run({ state, accounts: [{ ...SC, verifiedAt: null }] }), 'authenticator-app')).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
  })

  it('"This computer": its manual item is ticked once, not per account', () => {
    const state = ticked(emptyChecklistState(), { accountId: null, kind: 'other', itemId: 'never-share-codes', at: T0 })
    const result = run({ accounts: [SC, KDP], state })
    expect(item(result, 'never-share-codes', null)).toMatchObject({ status: 'done', doneAt: T0 })
    expect(result.accounts.flatMap((a) => a.items).some((i) => i.id === 'never-share-codes')).toBe(false)
  })
})

describe('evaluateChecklist: a kind change starts fresh and keeps the old ticks', () => {
  const scTicks = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0, by: 'Ana' })
  const asKdp = { ...SC, kind: 'kdp' as const }

  it('a Seller Central deposit tick does not mark KDP’s royalty bank account done (the defect)', () => {
    const result = run({ accounts: [asKdp], state: scTicks })
    expect(item(result, 'deposit-method')).toMatchObject({ status: 'todo', title: 'A bank account for royalties is added' })
    expect(result.accounts[0]?.keptFromKinds).toEqual([{ kind: 'seller-central', items: [{ id: 'deposit-method', title: 'A deposit method is added and verified', doneAt: T0, by: 'Ana' }] }])
  })

  it('ticking as KDP keeps the Seller Central tick aside, and changing back restores it', () => {
    const kdpTick = ticked(scTicks, { accountId: SC.id, kind: 'kdp', itemId: 'tax-interview', at: T0 + 1 })
    expect(item(run({ accounts: [asKdp], state: kdpTick }), 'tax-interview').status).toBe('done')
    const back = run({ accounts: [SC], state: kdpTick })
    expect(item(back, 'deposit-method')).toMatchObject({ status: 'done', by: 'Ana' })
    expect(item(back, 'tax-interview').status).toBe('todo')
    expect(back.accounts[0]?.keptFromKinds.map((k) => k.kind)).toEqual(['kdp'])
  })
})

describe('evaluateChecklist: evidence cannot claim what it has not checked', () => {
  it('authenticator: a key nobody confirmed at the site is not verified (the defect: any key turned green)', () => {
    const unconfirmed = item(run({ accounts: [{ ...SC, verifiedAt: null }] }), 'authenticator-app')
    expect(unconfirmed).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
    expect(unconfirmed.finding).toMatch(/Did the site accept the code\?/)
    const confirmed = item(run(), 'authenticator-app')
    expect(confirmed).toMatchObject({ status: 'verified', doneAt: T0, reviewAt: T0 + 180 * DAY_MS })
    expect(confirmed.finding).toMatch(/you confirmed that the site accepted a code/)
  })

  it('authenticator: the confirmation falls due for review like other items', () => {
    const dueAt = T0 + 180 * DAY_MS
    expect(item(run({ now: dueAt }), 'authenticator-app')).toMatchObject({ status: 'due', dueSince: dueAt, doneAt: T0 })
  })

  it('authenticator: a missing key offers the Codes screen’s way out (restore from a backup); a locked keychain is not a missing key', () => {
    const missing = item(run({ evidence: { ...allGood, accountIdsWithKey: new Set() } }), 'authenticator-app')
    expect(missing.status).toBe('failing')
    expect(missing.finding).toMatch(/Restore it from a backup, or add it again/)
    const locked = item(run({ evidence: { ...allGood, accountIdsWithKey: null } }), 'authenticator-app')
    expect(locked).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
    expect(locked.finding).toMatch(/locked/)
  })

  it('clock: in the clock’s own words (45 s off with corrected time: what the tray says, not "codes may be rejected")', () => {
    const status = clockAt(NOW - 60_000, 45_000, { state: 'warn', correctionMs: 45_000, correctionMode: 'auto' })
    const clock = item(run({ evidence: { ...allGood, clock: status } }), 'clock-in-sync', null)
    expect(clock.status).toBe('failing')
    expect(clockCondition(status, NOW).codesShort).toBe('codes use corrected time')
    expect(clock.finding).toContain('45 s behind')
    expect(clock.finding).toContain('use corrected time')
    expect(clock.finding).not.toMatch(/may be rejected/)
  })

  it('clock: a measurement 2 minutes old after a failed check still counts, with its date (the defect said "Not checked yet")', () => {
    const status = clockAt(NOW - 120_000, 80, { checkedAt: NOW - 10_000, unknownReason: 'no-answer' })
    const clock = item(run({ evidence: { ...allGood, clock: status } }), 'clock-in-sync', null)
    expect(clock).toMatchObject({ status: 'verified', doneAt: NOW - 120_000, reviewAt: NOW - 120_000 + CLOCK_MAX_AGE_MS })
    expect(clock.finding).not.toMatch(/Not checked/)
  })

  it('clock: a stale measurement is not verified', () => {
    const measuredAt = NOW - CLOCK_MAX_AGE_MS
    const clock = item(run({ evidence: { ...allGood, clock: clockAt(measuredAt, 80, { checkedAt: NOW - 1000, unknownReason: 'no-answer' }) } }), 'clock-in-sync', null)
    expect(clock).toMatchObject({ status: 'due', doneAt: measuredAt, dueSince: measuredAt + CLOCK_MAX_AGE_MS })
  })

  it('clock: unknown is never an alarm, and never verified', () => {
    const never = item(run({ evidence: { ...allGood, clock: null } }), 'clock-in-sync', null)
    expect(never).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
    const offline = item(run({ evidence: { ...allGood, clock: clockAt(null, 0, { checkedAt: NOW, unknownReason: 'no-answer', state: 'unknown' }) } }), 'clock-in-sync', null)
    expect(offline.status).toBe('todo')
  })

  it('backup: an account added after the newest backup makes it false (the defect: it showed as backed up)', () => {
    const added: ChecklistAccount = { id: 'account-0003', kind: 'associates', issuer: 'Associates', label: 'late@example.com', verifiedAt: null }
    const backup = item(run({ accounts: [SC, KDP, added] }), 'recent-backup', null)
    expect(backup.status).toBe('failing')
    expect(backup.finding).toContain('1 account is in no backup yet: “Associates”')
    expect(item(run({ accounts: [SC, KDP] }), 'recent-backup', null)).toMatchObject({ status: 'verified', doneAt: T0 })
  })

  it('backup: an account changed since the newest backup holding it is not backed up as it is', () => {
    const backups = { accounts: { [SC.id]: { at: T0, current: false }, [KDP.id]: { at: T0, current: true } } }
    const backup = item(run({ accounts: [{ ...SC, updatedAt: T0 + 60_000 }, KDP], evidence: { ...allGood, backups } }), 'recent-backup', null)
    expect(backup).toMatchObject({ status: 'due', doneAt: T0, dueSince: T0 + 60_000, checkedBy: 'sellerguard' })
    expect(backup.finding).toContain('1 account has changed since the newest backup holding it')
  })

  it('backup: the newest source per account wins (the checklist’s record of exports, and automatic backups)', () => {
    const exported = { accounts: { [SC.id]: { at: T0 } } }
    const automatic = { accounts: { [SC.id]: { at: T0 + 5, current: false }, [KDP.id]: { at: T0 + 5, current: true } } }
    expect(mergeCoverage(exported, automatic)).toEqual(automatic)
    expect(mergeCoverage({ accounts: { [SC.id]: { at: T0 + 9 } } }, automatic)!.accounts[SC.id]).toEqual({ at: T0 + 9 })
    // A backup whose contents are unknown and nothing else: still unknown, never "no backup".
    expect(mergeCoverage(null, { accounts: {} })).toBeNull()
    expect(mergeCoverage(null, automatic)).toEqual(automatic)
  })

  it('backup: none at all, an unknown coverage, and due after 90 days', () => {
    expect(item(run({ evidence: { ...allGood, backups: { accounts: {} } } }), 'recent-backup', null).status).toBe('failing')
    expect(item(run({ evidence: { ...allGood, backups: null } }), 'recent-backup', null).status).toBe('todo')
    const dueAt = T0 + 90 * DAY_MS
    const clock = clockAt(dueAt - 1000, 0)
    expect(item(run({ now: dueAt - 1, evidence: { ...allGood, clock } }), 'recent-backup', null)).toMatchObject({ status: 'verified', reviewAt: dueAt })
    expect(item(run({ now: dueAt, evidence: { ...allGood, clock } }), 'recent-backup', null)).toMatchObject({ status: 'due', dueSince: dueAt })
  })
})

describe('evaluateChecklist: the app lock and screen privacy', () => {
  it('are this computer’s, checked by SellerGuard from the facts lock/ gives; unknown is to do, never failing', () => {
    const off = { met: false, finding: 'The app lock is off: anyone at this computer can open SellerGuard.' }
    const result = run({ evidence: { ...allGood, lock: { appLock: off, screenPrivacy: allGood.lock!.screenPrivacy } } })
    expect(item(result, 'app-lock', null)).toMatchObject({ status: 'failing', checkedBy: 'sellerguard', finding: off.finding })
    expect(item(result, 'screen-privacy', null)).toMatchObject({ status: 'verified', checkedBy: 'sellerguard', finding: 'Codes stay hidden.' })
    expect(result.accounts.flatMap((a) => a.items).some((i) => i.id === 'app-lock' || i.id === 'screen-privacy')).toBe(false)
    const unknown = run({ evidence: { ...allGood, lock: null } })
    expect(item(unknown, 'app-lock', null).status).toBe('todo')
    expect(item(unknown, 'screen-privacy', null).status).toBe('todo')
  })
})

describe('evaluateChecklist: progress', () => {
  it('computer-wide items count once: one stale backup is one item, however many accounts (the defect: 11 items)', () => {
    const many = Array.from({ length: 11 }, (_, i): ChecklistAccount => ({ ...SC, id: `account-${String(i).padStart(4, '0')}` }))
    const result = run({ accounts: many, evidence: { ...allGood, accountIdsWithKey: new Set(many.map((a) => a.id)), backups: { accounts: {} } } })
    const failingBackups = [...result.computer.items, ...result.accounts.flatMap((a) => a.items)].filter((i) => i.id === 'recent-backup')
    expect(failingBackups).toHaveLength(1)
    expect(result.progress.total).toBe(11 * definitionsFor('seller-central').length + 5)
  })

  it('counts done and verified items; due, failing and to-do ones are not done', () => {
    const total = definitionsFor('seller-central').length
    expect(run().accounts[0]?.progress).toEqual({ done: 1, total }) // the confirmed authenticator
    expect(run().computer.progress).toEqual({ done: 4, total: 5 }) // clock, backup, app lock, screen privacy; the habit is not ticked
    expect(run().progress).toEqual({ done: 5, total: total + 5 })
  })

  it('no accounts: 0 of 0, and nothing about the computer yet', () => {
    expect(run({ accounts: [] })).toEqual({ accounts: [], computer: { items: [], progress: { done: 0, total: 0 } }, progress: { done: 0, total: 0 }, evaluatedAt: NOW })
  })
})

describe('evaluateChecklist: region and shape', () => {
  it('shows the region’s paths and its hint; the Japanese-menus hint is Japan’s alone', () => {
    const result = run({ state: setRegion(emptyChecklistState(), SC.id, 'jp') })
    expect(result.accounts[0]).toMatchObject({ region: 'jp', regionNote: expect.stringMatching(/Japanese/) })
    expect(run({ state: setRegion(emptyChecklistState(), SC.id, 'fe') }).accounts[0]).not.toHaveProperty('regionNote')
    expect(run({ accounts: [{ ...SC, region: 'in' }] }).accounts[0]?.region).toBe('in')
  })

  it('suggests a region from the issuer or label while none is set, never sets it', () => {
    const de = run({ accounts: [{ ...SC, issuer: 'Amazon (amazon.de)' }] }).accounts[0]
    expect(de).toMatchObject({ region: null, suggestedRegion: 'eu' })
    expect(run({ accounts: [{ ...SC, issuer: 'Amazon', region: 'na' }] }).accounts[0]).toMatchObject({ region: 'na', suggestedRegion: null })
    expect(run({ accounts: [{ ...KDP, issuer: 'amazon.de' }] }).accounts[0]?.suggestedRegion).toBeNull()
  })

  it('shows a region only for Seller Central (a stored one outlives a change of kind, unused)', () => {
    const state = setRegion(emptyChecklistState(), KDP.id, 'eu')
    expect(run({ accounts: [KDP], state }).accounts[0]?.region).toBeNull()
  })

  it('is JSON only: a round trip changes nothing', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0, note: 'x' })
    const result = run({ accounts: [SC, KDP], state })
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })
})

describe('whatsLeft and nextReviewAt', () => {
  it('lists what is left, failing first, then due, then to do; this computer before the accounts', () => {
    const state = ticked(emptyChecklistState(), { accountId: KDP.id, kind: 'kdp', itemId: 'bank-review', at: T0 - 365 * DAY_MS })
    const result = run({ accounts: [SC, KDP], state, evidence: { ...allGood, clock: clockAt(NOW - 1000, 9_000, { state: 'warn' }) } })
    const left = whatsLeft(result)
    expect(left.slice(0, 2).map((l) => [l.accountId, l.item.id, l.item.status])).toEqual([
      [null, 'clock-in-sync', 'failing'],
      [KDP.id, 'bank-review', 'due'],
    ])
    expect(left.slice(2).every((l) => l.item.status === 'todo')).toBe(true)
    expect(left[2]).toMatchObject({ accountId: null, item: { id: 'never-share-codes' } })
    expect(left[3]).toMatchObject({ accountId: SC.id, issuer: 'Amazon', item: { id: 'contact-details' } })
  })

  it('nextReviewAt is the earliest moment something done or verified turns due', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'unknown-devices', at: T0 })
    // The clock measurement goes stale first (a day after it was taken).
    expect(nextReviewAt(run({ state }))).toBe(NOW - 60_000 + CLOCK_MAX_AGE_MS)
    const noClock = { ...allGood, clock: null, backups: null }
    expect(nextReviewAt(run({ state, evidence: noClock }))).toBe(T0 + 90 * DAY_MS)
    expect(nextReviewAt(run({ accounts: [{ ...SC, verifiedAt: null }], evidence: noClock }))).toBeNull()
  })
})
