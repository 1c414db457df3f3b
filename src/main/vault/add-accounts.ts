import { apiError, type AccountSummary, type ApiError } from '../../shared/contract'
import { err, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { mapInSlices } from '../core/slices'
import type { NormalisedKey } from '../otp/base32'
import { KeychainFault } from './keychain-fault'
import type { PendingRollbacks } from './pending-rollbacks'
import type { SecretStore } from './secret-store'

/** Fields a new account starts with unless the draft says otherwise. */
export const DRAFT_DEFAULTS = { region: null, pinned: false, verifiedAt: null, lastUsedAt: null, icon: { kind: 'auto' } } as const satisfies Partial<AccountSummary>

/** What a new account is, before it has an id and a place in the list. */
export type AccountDraft = Omit<AccountSummary, 'id' | 'order' | 'createdAt' | 'updatedAt' | keyof typeof DRAFT_DEFAULTS> & Partial<Pick<AccountSummary, keyof typeof DRAFT_DEFAULTS>>

export type NewAccountItem = Readonly<{ draft: AccountDraft; key: NormalisedKey }>

/** For an import: a way to stop it (nothing is kept), and how far it has got. */
export type AddOptions = Readonly<{
  signal?: AbortSignal
  /** After each secret is written. */
  onWritten?: (written: number, total: number) => void
}>

export type AddDeps = Readonly<{
  secrets: SecretStore
  log: Logger
  now: () => number
  newId: () => string
  /** Ids whose secret is being written right now: not orphans, even before their metadata is saved. */
  writing: Set<string>
  /** The error for a keychain write that failed (see keychain-guard.ts). */
  errorFor: (e: unknown, what: string) => Promise<ApiError>
  /** Where the written ids are owed a delete until their metadata is saved. */
  rollbacks: PendingRollbacks
  /** Appends the accounts to the list (in the vault's queue, placed after whatever came in meanwhile) and saves it. */
  append: (accounts: readonly AccountSummary[]) => Promise<Result<AccountSummary[], ApiError>>
}>

/**
 * Adds accounts at the end of the list, all or nothing, in the order that
 * never loses a secret (only the list save waits in the vault's queue, so
 * renames and other changes go on while a large import writes its secrets): the ids recorded as owed a delete, every secret into
 * the keychain, then the metadata file, then the record cleared. A failure
 * on the way removes the secrets already written; what the keychain will
 * not delete now (locked, not answering) stays owed and is deleted at the
 * next load with the keychain ready (pending-rollbacks.ts).
 */
export async function addAccounts(items: readonly NewAccountItem[], deps: AddDeps, options: AddOptions = {}): Promise<Result<AccountSummary[], ApiError>> {
  const time = deps.now()
  // Placed in the list when it is saved (`append`): other changes may come first.
  // In slices: 1,000 random ids are ~15 ms of work.
  const accounts = await mapInSlices(items, ({ draft }, order) => ({ ...DRAFT_DEFAULTS, ...draft, id: deps.newId(), order, createdAt: time, updatedAt: time }) satisfies AccountSummary)
  const ids = accounts.map((a) => a.id)
  const owed = await deps.rollbacks.owe(ids)
  if (!owed.ok) return owed
  const written: string[] = []
  // Stops at the first refusal: a locked or stuck keychain would refuse (or stall on) every other delete too.
  const rollback = async (deleteNow: boolean) => {
    const deleted: string[] = []
    for (const id of deleteNow ? written : []) {
      let gone = false
      try {
        // A locked collection "deletes" nothing and says false: the item is still there.
        gone = await deps.secrets.delete(id)
      } catch (e) {
        deps.log.error('keychain delete failed', e)
      }
      if (!gone) {
        deps.log.error(`could not roll back ${written.length - deleted.length} keychain items now; they are deleted at the next unlock`)
        break
      }
      deleted.push(id)
    }
    await deps.rollbacks.settle([...deleted, ...ids.filter((id) => !written.includes(id))])
  }
  const done = () => ids.forEach((id) => deps.writing.delete(id))
  const stopped = async () => {
    await rollback(true)
    done()
    return err(apiError('cancelled', `The import was cancelled${written.length ? ' and the accounts it had written were removed' : ''}. Nothing was imported.`))
  }
  for (const [i, account] of accounts.entries()) {
    if (options.signal?.aborted) return stopped()
    deps.writing.add(account.id)
    try {
      await deps.secrets.set(account.id, items[i]!.key.base32)
      written.push(account.id)
    } catch (e) {
      deps.log.error('keychain write failed', e)
      const error = await deps.errorFor(e, items.length === 1 ? 'Nothing was added.' : `It refused a secret after ${written.length} of ${accounts.length}. Nothing was imported.`)
      // A keychain that stopped answering would stall on every delete too: they wait for the next load.
      await rollback(!(e instanceof KeychainFault))
      done()
      return err(error)
    }
    options.onWritten?.(written.length, accounts.length)
  }
  // The last moment to stop: once the list is saved, the import is done.
  if (options.signal?.aborted) return stopped()
  const saved = await deps.append(accounts)
  done()
  if (!saved.ok) {
    await rollback(true)
    return saved
  }
  await deps.rollbacks.settle(ids)
  return saved
}
