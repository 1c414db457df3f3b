import type { Result } from '../../shared/result'
import type { ImportedAccount, ImportEntryError, ImportFormat, ImportResult, ImportWarning, SkippedEntries } from './types'

/*
 * The loop every importer runs: read each entry of the file, keep the ones
 * that became accounts, list the others with why. An entry the reader
 * returns `null` for is not an account at all (a password without a code)
 * and is left out without an error.
 */

export type EntryOutcome = Readonly<{ account: Result<ImportedAccount, string>; name?: string | undefined }> | null

export function collectEntries(format: ImportFormat, items: readonly unknown[], read: (item: unknown, index: number) => EntryOutcome, warnings: readonly ImportWarning[] = []): ImportResult {
  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  items.forEach((item, index) => {
    const outcome = read(item, index)
    if (outcome === null) return
    if (outcome.account.ok) accounts.push(outcome.account.value)
    else errors.push({ index, ...(outcome.name ? { name: outcome.name } : {}), message: outcome.account.error })
  })
  return { format, accounts, errors, warnings }
}

/** "3 entries without a one-time code were left out." — or nothing when there were none. */
export function skippedWarning(count: number, what: string): SkippedEntries[] {
  if (count === 0) return []
  return [{ kind: 'skipped-entries', count, message: `${count} ${count === 1 ? 'entry' : 'entries'} ${what} ${count === 1 ? 'was' : 'were'} left out.` }]
}
