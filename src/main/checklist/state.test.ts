import { describe, expect, it } from 'vitest'
import { ChecklistState, MAX_NOTE, accountState, emptyChecklistState, pruneAccounts, setItem, setRegion, type ItemUpdate } from './state'

const T = 1_767_225_600_000 // 2026-01-01T00:00:00Z
const tick = (over: Partial<ItemUpdate> = {}): ItemUpdate => ({ accountId: 'account-0001', kind: 'seller-central', itemId: 'deposit-method', done: true, at: T, ...over })

function applied(state: ChecklistState, update: ItemUpdate): ChecklistState {
  const next = setItem(state, update)
  if (!next.ok) throw new Error(`unexpected ${next.error.kind}`)
  return next.value
}

describe('checklist state', () => {
  it('records a tick with who and a note, trimmed', () => {
    const state = applied(emptyChecklistState(), tick({ by: ' Ana ', note: ' verified with bank letter ' }))
    expect(state).toEqual({
      accounts: { 'account-0001': { region: null, kind: 'seller-central', items: { 'deposit-method': { done: true, at: T, by: 'Ana', note: 'verified with bank letter' } } } },
    })
    expect(ChecklistState.safeParse(state).success).toBe(true)
  })

  it('keeps the note and who when an update leaves them out, clears them with an empty string', () => {
    let state = applied(emptyChecklistState(), tick({ by: 'Ana', note: 'first' }))
    state = applied(state, tick({ done: false, at: T + 1 }))
    expect(state.accounts['account-0001']?.items['deposit-method']).toEqual({ done: false, at: T + 1, by: 'Ana', note: 'first' })
    state = applied(state, tick({ at: T + 2, note: '', by: '' }))
    expect(state.accounts['account-0001']?.items['deposit-method']).toEqual({ done: true, at: T + 2 })
  })

  it('a note edit keeps the tick and its date (the defect: it re-ticked the item now, hiding a due review)', () => {
    const ticked = applied(emptyChecklistState(), tick({ at: T }))
    const noted = applied(ticked, { accountId: 'account-0001', kind: 'seller-central', itemId: 'deposit-method', note: 'Chase …1234', at: T + 200 * 86_400_000 })
    expect(noted.accounts['account-0001']?.items['deposit-method']).toEqual({ done: true, at: T, note: 'Chase …1234' })
    const untickedNote = applied(emptyChecklistState(), { accountId: 'account-0001', kind: 'seller-central', itemId: 'tax-interview', note: 'ask the accountant', at: T })
    expect(untickedNote.accounts['account-0001']?.items['tax-interview']).toEqual({ done: false, at: T, note: 'ask the accountant' })
  })

  it('records the date it was done and who did it, and corrects the date alone', () => {
    const march = Date.UTC(2025, 2, 14)
    const state = applied(emptyChecklistState(), tick({ doneAt: march, by: 'Our accountant' }))
    expect(state.accounts['account-0001']?.items['deposit-method']).toEqual({ done: true, at: march, by: 'Our accountant' })
    const corrected = applied(state, { accountId: 'account-0001', kind: 'seller-central', itemId: 'deposit-method', doneAt: march + 86_400_000, at: T })
    expect(corrected.accounts['account-0001']?.items['deposit-method']).toEqual({ done: true, at: march + 86_400_000, by: 'Our accountant' })
  })

  it('ticks of "This computer" are kept once, apart from the accounts', () => {
    const state = applied(emptyChecklistState(), { accountId: null, kind: 'other', itemId: 'never-share-codes', done: true, at: T })
    expect(state).toEqual({ accounts: {}, computer: { items: { 'never-share-codes': { done: true, at: T } } } })
    expect(ChecklistState.safeParse(state).success).toBe(true)
  })

  it('never changes the state it was given', () => {
    const before = applied(emptyChecklistState(), tick())
    const copy = structuredClone(before)
    applied(before, tick({ itemId: 'tax-interview' }))
    setRegion(before, 'account-0001', 'eu')
    expect(before).toEqual(copy)
  })

  it.each([
    ['an evidence item', tick({ itemId: 'authenticator-app' }), 'checked-by-sellerguard'],
    ['the clock item of this computer', tick({ accountId: null, itemId: 'clock-in-sync' }), 'checked-by-sellerguard'],
    ['the backup item of this computer', tick({ accountId: null, itemId: 'recent-backup' }), 'checked-by-sellerguard'],
    ['a computer item as an account item', tick({ itemId: 'never-share-codes' }), 'unknown-item'],
    ['a date in the future', tick({ doneAt: T + 1 }), 'invalid-input'],
    ['a date for an item that is not ticked', tick({ done: false, doneAt: T - 1 }), 'invalid-input'],
    ['an item this kind does not have', tick({ kind: 'kdp', itemId: 'identity-documents' }), 'unknown-item'],
    ['a made-up item', tick({ itemId: 'x' }), 'unknown-item'],
    ['a bad account id', tick({ accountId: 'short' }), 'invalid-input'],
    ['__proto__ as account id', tick({ accountId: '__proto__' }), 'invalid-input'],
    ['a note that is too long', tick({ note: 'x'.repeat(MAX_NOTE + 1) }), 'invalid-input'],
    ['a time that is not one', tick({ at: Number.NaN }), 'invalid-input'],
  ])('refuses %s', (_name, update, kind) => {
    const result = setItem(emptyChecklistState(), update)
    expect(result).toMatchObject({ ok: false, error: { kind } })
  })

  it('sets and clears the region', () => {
    const eu = setRegion(emptyChecklistState(), 'account-0001', 'eu')
    expect(eu.accounts['account-0001']).toEqual({ region: 'eu', items: {} })
    expect(setRegion(eu, 'account-0001', null).accounts['account-0001']?.region).toBeNull()
  })

  it('looks up own entries only: an id like "constructor" finds nothing', () => {
    expect(accountState(emptyChecklistState(), 'constructor')).toBeNull()
    expect(accountState(emptyChecklistState(), 'toString')).toBeNull()
  })

  it('prunes accounts that no longer exist', () => {
    let state = applied(emptyChecklistState(), tick())
    state = applied(state, tick({ accountId: 'account-0002' }))
    expect(Object.keys(pruneAccounts(state, new Set(['account-0002'])).accounts)).toEqual(['account-0002'])
  })

  it('a __proto__ key in the file cannot replace a prototype (zod drops it)', () => {
    const doc = JSON.parse('{"accounts":{"__proto__":{"region":"eu","items":{}}}}')
    const parsed = ChecklistState.safeParse(doc)
    expect(parsed.success && Object.keys(parsed.data.accounts)).toEqual([])
    expect(parsed.success && Object.getPrototypeOf(parsed.data.accounts)).toBe(Object.prototype)
  })
})
