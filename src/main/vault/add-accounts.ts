import type { AccountSummary, ApiError } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import type { NormalisedKey } from '../otp/base32'
import type { AccountList } from './account-list'
import { KeychainFault } from './keychain-fault'
import type { SecretStore } from './secret-store'

/** What a new account is, before it has an id and a place in the list. */
export type AccountDraft = Omit<AccountSummary, 'id' | 'order' | 'createdAt' | 'updatedAt'>

export type NewAccountItem = Readonly<{ draft: AccountDraft; key: NormalisedKey }>

export type AddDeps = Readonly<{
  secrets: SecretStore
  list: AccountList
  log: Logger
  now: () => number
  newId: () => string
  /** Ids whose secret is being written right now: not orphans, even before their metadata is saved. */
  writing: Set<string>
  /** The error for a keychain write that failed (see keychain-guard.ts). */
  errorFor: (e: unknown, what: string) => ApiError
}>

/**
 * Adds accounts at the end of the list, all or nothing, in the order that
 * never loses a secret: every secret into the keychain first, then the
 * metadata file. A failure on the way removes the secrets already written.
 */
export async function addAccounts(items: readonly NewAccountItem[], deps: AddDeps): Promise<Result<AccountSummary[], ApiError>> {
  const time = deps.now()
  let order = deps.list.nextOrder()
  const accounts = items.map(({ draft }) => ({ ...draft, id: deps.newId(), order: order++, createdAt: time, updatedAt: time }) satisfies AccountSummary)
  const written: string[] = []
  // Stops at the first refusal: a locked or stuck keychain would refuse (or stall on) every
  // other delete too. What is left is reported as orphaned items at the next load.
  const rollback = async () => {
    for (const id of written) {
      try {
        await deps.secrets.delete(id)
      } catch (e) {
        deps.log.error(`could not roll back ${written.length - written.indexOf(id)} keychain items`, e)
        return
      }
    }
  }
  const done = () => accounts.forEach((a) => deps.writing.delete(a.id))
  for (const [i, account] of accounts.entries()) {
    deps.writing.add(account.id)
    try {
      await deps.secrets.set(account.id, items[i]!.key.base32)
      written.push(account.id)
    } catch (e) {
      deps.log.error('keychain write failed', e)
      const error = deps.errorFor(e, items.length === 1 ? 'Nothing was added.' : `It refused a secret after ${written.length} of ${accounts.length}. Nothing was imported.`)
      // A keychain that stopped answering would stall on every delete too: what was written
      // stays, and is reported as orphaned items at the next load.
      if (!(e instanceof KeychainFault)) await rollback()
      done()
      return err(error)
    }
  }
  const failed = await deps.list.save([...deps.list.all(), ...accounts])
  done()
  if (failed) {
    await rollback()
    return err(failed)
  }
  return ok(accounts)
}
