import { describe, expect, it } from 'vitest'
import { clockAt } from '../../../test/helpers/clock-status'
import { packChecklist, unpackChecklist } from '../../shared/checklist-packing'
import { ChecklistView, PackedChecklistView, type AccountKind, type SellerRegion } from '../../shared/contract'
import { DAY_MS, evaluateChecklist, type ChecklistAccount } from './evaluate'
import { packInSlices } from './packed-view'
import { emptyChecklistState, setItem, type ChecklistState } from './state'

const T0 = Date.UTC(2026, 0, 1)
const NOW = T0 + 40 * DAY_MS
const KINDS: readonly AccountKind[] = ['seller-central', 'kdp', 'associates', 'amazon-buyer', 'aws', 'other']
const REGIONS: readonly (SellerRegion | null)[] = [null, 'na', 'eu', 'fe', 'in', 'me', 'jp']

/** Accounts of every kind (Seller Central in every region), `n` in all, some ticked with notes. */
function viewOf(n: number): ChecklistView {
  const accounts: ChecklistAccount[] = Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!
    return { id: `account-${i}`, kind, issuer: `Shop ${i}`, label: `seller${i}@example.com`, verifiedAt: i % 2 ? T0 : null, region: kind === 'seller-central' ? REGIONS[i % REGIONS.length]! : null }
  })
  let state: ChecklistState = emptyChecklistState()
  for (const a of accounts.filter((_, i) => i % 5 === 0)) {
    const next = setItem(state, { accountId: a.id, kind: a.kind, itemId: a.kind === 'seller-central' ? 'deposit-method' : 'contact-details', done: true, at: T0, by: 'Ana', note: `note ${a.id}` })
    if (next.ok) state = next.value
  }
  const result = evaluateChecklist({ accounts, state, evidence: { accountIdsWithKey: new Set(accounts.slice(1).map((a) => a.id)), clock: clockAt(NOW - 60_000, 120), backups: null }, now: NOW })
  return { ...result, problem: null }
}

describe('the checklist as it is sent (definitions once)', () => {
  it('unpacks to the very view main holds, for every kind and region, and is what the contract declares', async () => {
    const view = viewOf(84)
    const packed = packChecklist(view)
    expect(unpackChecklist(packed)).toEqual(view)
    expect(PackedChecklistView.safeParse(packed).success).toBe(true)
    expect(await packInSlices(view)).toEqual(packed)
    // Each item's words once: far fewer definitions than items.
    const items = view.accounts.reduce((n, a) => n + a.items.length, view.computer.items.length)
    expect(packed.definitions.length).toBeLessThan(items / 5)
  })

  it('1,000 accounts: the payload is a fraction of the view (the words are not repeated per account)', () => {
    const view = viewOf(1000)
    const full = JSON.stringify(ChecklistView.parse(view)).length
    const sent = JSON.stringify(PackedChecklistView.parse(packChecklist(view))).length
    expect(sent).toBeLessThan(full / 4)
  })

  it('an item pointing at no definition is a bug, not a silent blank', () => {
    const packed = packChecklist(viewOf(2))
    const broken = { ...packed, accounts: packed.accounts.map((a) => ({ ...a, items: a.items.map((i) => ({ ...i, def: 999 })) })) }
    expect(() => unpackChecklist(broken)).toThrow(/definition 999/)
  })
})
