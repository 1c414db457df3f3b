import type { AccountSummary } from '../../shared/contract'
import { mapInSlices } from '../core/slices'
import { copyItemLabel } from './account-items'

/*
 * The tray's copy-item labels, remembered by what they are made of (kind,
 * region, issuer, label): building a menu of 1,000 accounts is ~20 ms of
 * label work (short names, graphemes, truncation) that would stop the code
 * frames, and most refreshes (a backup's status, the clock) change no
 * account. New accounts' labels are made in slices first (`fill`).
 */

export type LabelCache = Readonly<{
  /** The account's label, made now if not known. */
  labelOf(account: AccountSummary): string
  /** The accounts whose label is not known yet. */
  missing(accounts: readonly AccountSummary[]): AccountSummary[]
  /** Makes these labels a slice of accounts per turn of the event loop (core/slices.ts). */
  fill(accounts: readonly AccountSummary[]): Promise<void>
}>

/** Forgotten labels (renamed or removed accounts) are dropped once the cache holds this many more than the list. */
const SPARE = 200

const keyOf = (a: AccountSummary) => `${a.kind}\u0000${a.region ?? ''}\u0000${a.issuer}\u0000${a.label}`

export function createLabelCache(): LabelCache {
  let known = new Map<string, string>()

  function labelOf(account: AccountSummary): string {
    const key = keyOf(account)
    let label = known.get(key)
    if (label === undefined) {
      label = copyItemLabel(account)
      known.set(key, label)
    }
    return label
  }

  return {
    labelOf,
    missing(accounts) {
      if (known.size > accounts.length + SPARE) {
        const kept = new Map<string, string>()
        for (const a of accounts) {
          const key = keyOf(a)
          const label = known.get(key)
          if (label !== undefined) kept.set(key, label)
        }
        known = kept
      }
      return accounts.filter((a) => !known.has(keyOf(a)))
    },
    fill: async (accounts) => void (await mapInSlices(accounts, labelOf)),
  }
}
