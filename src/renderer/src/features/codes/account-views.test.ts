import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../contract'
import { testAccount } from '../../../../../test/helpers/accounts'
import { createAccountViews, sameAccount, VIEWS_PER_SLICE, type AccountViews } from './account-views'
import { describeAccounts } from './select-rows'

const imported = (n: number, from = 0) => Array.from({ length: n }, (_, i) => testAccount(from + i, { id: `imported-${from + i}`, issuer: `Imported ${from + i}`, kind: 'other' }))

/** A describer whose later turns run only when the test says so. */
function stepwise() {
  const turns: Array<() => void> = []
  const results: AccountViews[] = []
  const describe = createAccountViews((step) => void turns.push(step))
  return {
    turns,
    results,
    push: (accounts: readonly AccountSummary[]) => describe(accounts, (views) => void results.push(views)),
    runAll: () => {
      while (turns.length > 0) turns.shift()!()
    },
  }
}

describe('account views', () => {
  it('describes a push as describeAccounts does, in the same order', () => {
    const d = stepwise()
    const accounts = [...imported(3), testAccount(9, { id: 'amazon-sc-1', issuer: 'Amazon', kind: 'seller-central' })]
    d.push(accounts)
    expect(d.results).toHaveLength(1)
    expect([...d.results[0]!.entries()]).toEqual([...describeAccounts(accounts).entries()])
  })

  it('a 1,000-account import is described in slices, with turns for the page between them', () => {
    const d = stepwise()
    const shown = imported(50)
    d.push(shown)
    const all = [...shown, ...imported(1000, 50)]
    d.push(all)
    expect(d.results).toHaveLength(1)
    expect(d.turns).toHaveLength(1)
    let turns = 0
    while (d.turns.length > 0) {
      expect(d.results).toHaveLength(1)
      d.turns.shift()!()
      turns++
    }
    expect(turns).toBe(Math.ceil(1000 / VIEWS_PER_SLICE) - 1)
    const views = d.results[1]!
    expect([...views.keys()]).toEqual(all.map((a) => a.id))
    expect([...views.values()]).toEqual([...describeAccounts(all).values()])
    // The 50 already shown kept their views (their rows' memo holds).
    for (const a of shown) expect(views.get(a.id)).toBe(d.results[0]!.get(a.id))
  })

  it('an unchanged account keeps its view; a changed or removed one does not', () => {
    const d = stepwise()
    const [a, b, c] = imported(3)
    d.push([a!, b!, c!])
    const first = d.results[0]!
    // The next push is JSON from main: equal accounts, new objects.
    const renamed = { ...b!, issuer: 'Renamed' }
    d.push([structuredClone(a!), renamed])
    const second = d.results[1]!
    expect(second.get(a!.id)).toBe(first.get(a!.id))
    expect(second.get(b!.id)?.account.issuer).toBe('Renamed')
    expect(second.has(c!.id)).toBe(false)
    // An icon choice is compared by its fields.
    d.push([{ ...structuredClone(a!), icon: { kind: 'brand', brand: 'github' } }, renamed])
    expect(d.results[2]!.get(a!.id)?.badge).toMatchObject({ kind: 'icon', title: 'GitHub' })
  })

  it('a newer push overtakes one still being described', () => {
    const d = stepwise()
    const big = imported(600)
    d.push(big)
    expect(d.results).toHaveLength(0)
    const after = [...big.slice(0, 599), testAccount(1, { id: 'added-late', issuer: 'Late' })]
    d.push(after)
    d.runAll()
    expect(d.results).toHaveLength(1)
    expect([...d.results[0]!.keys()]).toEqual(after.map((x) => x.id))
  })

  it('compares accounts field by field', () => {
    const a = testAccount(1)
    expect(sameAccount(a, structuredClone(a))).toBe(true)
    expect(sameAccount(a, { ...a, pinned: true })).toBe(false)
    expect(sameAccount(a, { ...a, icon: { kind: 'letters' } })).toBe(false)
    expect(sameAccount(a, { ...a, lastUsedAt: 5 })).toBe(false)
  })
})
