import type { AccountSummary } from '../../contract'
import { describeAccount, type AccountView } from './select-rows'

/**
 * Accounts described before the page gets a turn: ~150 × 10–30 µs is a few
 * ms, well inside a frame. A 1,000-entry import pushes 1,000 new accounts
 * at once; described in one go they held up the page's frames for ~40 ms.
 */
export const VIEWS_PER_SLICE = 150

export type AccountViews = ReadonlyMap<string, AccountView>

/** Runs `step` in a later task, after the page has had its turn (a frame, a pushed code). */
export type Later = (step: () => void) => void

/**
 * The views of the accounts main pushes (names, badges, search text), kept
 * in step with each push. An account unchanged since the last one keeps
 * its view, the same object, so its row's memo holds and nothing is
 * described twice. New or changed accounts are described VIEWS_PER_SLICE
 * at a time with a turn for the page between slices (`later`), so frames
 * and codes keep coming; up to that many are described at once. `done`
 * gets the accounts with every view once all are ready; a newer push
 * overtakes one still being described (the views made so far are kept).
 */
export function createAccountViews(later: Later = (step) => void setTimeout(step, 0)) {
  let kept = new Map<string, AccountView>()
  let latest = 0
  return function describe(accounts: readonly AccountSummary[], done: (views: AccountViews) => void): void {
    const push = ++latest
    const views = new Map<string, AccountView>()
    let next = 0
    const slice = () => {
      if (push !== latest) return
      for (let described = 0; next < accounts.length && described < VIEWS_PER_SLICE; next++) {
        const account = accounts[next]!
        let view = kept.get(account.id)
        if (view === undefined || !sameAccount(view.account, account)) {
          view = describeAccount(account)
          kept.set(account.id, view)
          described++
        }
        views.set(account.id, view)
      }
      if (next < accounts.length) return later(slice)
      // Accounts no longer there are forgotten.
      kept = views
      done(views)
    }
    slice()
  }
}

/** Every field the same (the icon choice compared by its own fields): a push's JSON makes new objects each time. */
export function sameAccount(a: AccountSummary, b: AccountSummary): boolean {
  const keys = Object.keys(a) as (keyof AccountSummary)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => a[key] === b[key] || (key === 'icon' && sameFields(a.icon, b.icon)))
}

function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every((key) => x[key] === y[key])
}
