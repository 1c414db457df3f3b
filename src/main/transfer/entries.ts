import { MAX_PREVIEW_PROBLEMS } from '../../shared/contract/limits'
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
  const errors = createEntryErrors()
  items.forEach((item, index) => {
    const outcome = read(item, index)
    if (outcome === null) return
    if (outcome.account.ok) accounts.push(outcome.account.value)
    else errors.add({ index, ...(outcome.name ? { name: outcome.name } : {}), message: outcome.account.error })
  })
  return { format, accounts, ...errors.result(), warnings }
}

/** Bad entries as an importer finds them: the first `MAX_PREVIEW_PROBLEMS` kept, the rest only counted, so a file of a million bad lines costs little memory. */
export function createEntryErrors() {
  const errors: ImportEntryError[] = []
  let omitted = 0
  return {
    add(error: ImportEntryError): void {
      if (errors.length < MAX_PREVIEW_PROBLEMS) errors.push(error)
      else omitted++
    },
    result: (): Pick<ImportResult, 'errors' | 'omittedErrors'> => (omitted > 0 ? { errors, omittedErrors: omitted } : { errors }),
  }
}

/** "3 entries without a one-time code were left out." — or nothing when there were none. */
export function skippedWarning(count: number, what: string): SkippedEntries[] {
  if (count === 0) return []
  return [{ kind: 'skipped-entries', count, message: `${count} ${count === 1 ? 'entry' : 'entries'} ${what} ${count === 1 ? 'was' : 'were'} left out.` }]
}
