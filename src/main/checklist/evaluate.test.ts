import { describe, expect, it } from 'vitest'
import type { AccountKind, ChecklistItemView as EvaluatedItem, ClockState } from '../../shared/contract'
import { definitionsFor } from './definitions'
import { DAY_MS, evaluateChecklist, type ChecklistEvidence, type ChecklistInput } from './evaluate'
import { emptyChecklistState, setItem, setRegion, type ChecklistState, type ItemUpdate } from './state'
import { nextReviewAt, whatsLeft } from './whats-left'

const T0 = 1_767_225_600_000 // 2026-01-01T00:00:00Z
const SC = { id: 'account-0001', kind: 'seller-central' as AccountKind, issuer: 'Amazon', label: 'seller@example.com' }
const KDP = { id: 'account-0002', kind: 'kdp' as AccountKind, issuer: 'KDP', label: 'author@example.com' }

const allGood: ChecklistEvidence = { accountIdsWithAuthenticator: new Set([SC.id, KDP.id]), clockState: 'ok', lastBackupAt: T0 }

function ticked(state: ChecklistState, ...updates: Omit<ItemUpdate, 'done'>[]): ChecklistState {
  return updates.reduce((s, u) => {
    const next = setItem(s, { ...u, done: true })
    if (!next.ok) throw new Error(next.error.kind)
    return next.value
  }, state)
}

const run = (over: Partial<ChecklistInput> = {}) =>
  evaluateChecklist({ accounts: [SC], state: emptyChecklistState(), evidence: allGood, now: T0 + DAY_MS, ...over })

function item(result: ReturnType<typeof run>, id: string, accountId = SC.id): EvaluatedItem {
  const found = result.accounts.find((a) => a.accountId === accountId)?.items.find((i) => i.id === id)
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
    expect(item(run({ state, now: reviewAt - 1 }), 'bank-review')).toMatchObject({ status: 'done', doneAt: T0, reviewAt })
    expect(item(run({ state, now: reviewAt }), 'bank-review')).toMatchObject({ status: 'due', doneAt: T0, dueSince: reviewAt })
    expect(item(run({ state, now: reviewAt + 400 * DAY_MS }), 'bank-review')).toMatchObject({ status: 'due', dueSince: reviewAt })
    // Unknown devices: every 90 days.
    const devices = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'unknown-devices', at: T0 })
    expect(item(run({ state: devices, now: T0 + 89 * DAY_MS }), 'unknown-devices').status).toBe('done')
    expect(item(run({ state: devices, now: T0 + 90 * DAY_MS }), 'unknown-devices').status).toBe('due')
  })

  it('an item without an interval stays done for good', () => {
    const state = ticked(emptyChecklistState(), { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0 })
    const later = item(run({ state, now: T0 + 3650 * DAY_MS }), 'deposit-method')
    expect(later.status).toBe('done')
    expect(later).not.toHaveProperty('reviewAt')
  })

  it('a tick stored for an evidence item (a hand-edited file) is ignored: SellerGuard decides', () => {
    const state: ChecklistState = { accounts: { [SC.id]: { region: null, items: { 'recent-backup': { done: true, at: T0 } } } } }
    expect(item(run({ state, evidence: { ...allGood, lastBackupAt: null } }), 'recent-backup')).toMatchObject({ status: 'failing', checkedBy: 'sellerguard' })
  })
})

describe('evaluateChecklist: evidence', () => {
  it('authenticator: verified when the key is in the keychain, failing when not, to do while the keychain cannot tell', () => {
    expect(item(run(), 'authenticator-app')).toMatchObject({ status: 'verified', checkedBy: 'sellerguard' })
    expect(item(run({ evidence: { ...allGood, accountIdsWithAuthenticator: new Set() } }), 'authenticator-app').status).toBe('failing')
    const locked = item(run({ evidence: { ...allGood, accountIdsWithAuthenticator: null } }), 'authenticator-app')
    expect(locked).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
    expect(locked.finding).toMatch(/locked/)
  })

  it.each<[ClockState, string]>([
    ['ok', 'verified'],
    ['warn', 'failing'],
    ['critical', 'failing'],
    ['unknown', 'todo'],
  ])('clock %s → %s (unknown is never an alarm)', (clockState, status) => {
    expect(item(run({ evidence: { ...allGood, clockState } }), 'clock-in-sync')).toMatchObject({ status, checkedBy: 'sellerguard' })
  })

  it('backup: failing when there is none, verified within 90 days, due after', () => {
    expect(item(run({ evidence: { ...allGood, lastBackupAt: null } }), 'recent-backup')).toMatchObject({ status: 'failing', finding: 'No encrypted backup yet.' })
    const dueAt = T0 + 90 * DAY_MS
    expect(item(run({ now: dueAt - 1 }), 'recent-backup')).toMatchObject({ status: 'verified', doneAt: T0, reviewAt: dueAt })
    expect(item(run({ now: dueAt }), 'recent-backup')).toMatchObject({ status: 'due', doneAt: T0, dueSince: dueAt })
  })
})

describe('evaluateChecklist: progress', () => {
  it('counts done and verified items; due, failing and to-do ones are not done', () => {
    const total = definitionsFor('seller-central').length
    // Fresh, all evidence good: the three evidence items are verified.
    expect(run().accounts[0]?.progress).toEqual({ done: 3, total })
    const state = ticked(
      emptyChecklistState(),
      { accountId: SC.id, kind: 'seller-central', itemId: 'deposit-method', at: T0 },
      { accountId: SC.id, kind: 'seller-central', itemId: 'bank-review', at: T0 - 200 * DAY_MS },
    )
    const result = run({ state, evidence: { ...allGood, clockState: 'critical' } })
    // verified: authenticator, backup; done: deposit method; due: bank review; failing: clock.
    expect(result.accounts[0]?.progress).toEqual({ done: 3, total })
  })

  it('sums every account into the overall progress', () => {
    const result = run({ accounts: [SC, KDP] })
    const scTotal = definitionsFor('seller-central').length
    const kdpTotal = definitionsFor('kdp').length
    expect(result.progress).toEqual({ done: 6, total: scTotal + kdpTotal })
    expect(result.accounts.map((a) => a.kind)).toEqual(['seller-central', 'kdp'])
  })

  it('no accounts: 0 of 0', () => {
    expect(run({ accounts: [] })).toEqual({ accounts: [], progress: { done: 0, total: 0 }, evaluatedAt: T0 + DAY_MS })
  })
})

describe('evaluateChecklist: region and shape', () => {
  it('shows the region’s paths and its hint', () => {
    const result = run({ state: setRegion(emptyChecklistState(), SC.id, 'fe') })
    expect(result.accounts[0]).toMatchObject({ region: 'fe', regionNote: expect.stringMatching(/Japanese/) })
    expect(item(result, 'tax-interview')).toMatchObject({ region: 'fe' })
    expect(run().accounts[0]).not.toHaveProperty('regionNote')
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
  it('lists what is left, failing first, then due, then to do, in account and checklist order', () => {
    const state = ticked(emptyChecklistState(), { accountId: KDP.id, kind: 'kdp', itemId: 'bank-review', at: T0 - 365 * DAY_MS })
    const result = run({ accounts: [SC, KDP], state, evidence: { ...allGood, clockState: 'warn' } })
    const left = whatsLeft(result)
    expect(left.slice(0, 3).map((l) => [l.accountId, l.item.id, l.item.status])).toEqual([
      [SC.id, 'clock-in-sync', 'failing'],
      [KDP.id, 'clock-in-sync', 'failing'],
      [KDP.id, 'bank-review', 'due'],
    ])
    expect(left.slice(3).every((l) => l.item.status === 'todo')).toBe(true)
    expect(left[3]).toMatchObject({ accountId: SC.id, issuer: 'Amazon', item: { id: 'contact-details' } })
    expect(left.some((l) => l.item.status === 'verified' || l.item.status === 'done')).toBe(false)
  })

  it('nextReviewAt is the earliest moment something done turns due', () => {
    const state = ticked(
      emptyChecklistState(),
      { accountId: SC.id, kind: 'seller-central', itemId: 'bank-review', at: T0 },
      { accountId: SC.id, kind: 'seller-central', itemId: 'unknown-devices', at: T0 },
    )
    // Backup (T0 + 90 d) and unknown devices (T0 + 90 d) tie; bank review is later.
    expect(nextReviewAt(run({ state }))).toBe(T0 + 90 * DAY_MS)
    expect(nextReviewAt(run({ evidence: { ...allGood, lastBackupAt: null } }))).toBeNull()
  })
})
