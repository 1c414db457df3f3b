import { AccountId, apiError, type AccountSummary, type ApiError, type KeychainStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { normaliseKey } from '../otp/base32'
import type { AccountList } from './account-list'
import { DRAFT_DEFAULTS } from './add-accounts'
import type { KeychainStatusHolder } from './keychain-status'
import type { SecretStore } from './secret-store'

export type OrphanDeps = Readonly<{
  secrets: SecretStore
  list: AccountList
  keychain: KeychainStatusHolder
  keys: Map<string, Uint8Array>
  now: () => number
  log: Logger
  errorFor: (e: unknown, what: string) => Promise<ApiError>
  /** Tells the vault's listeners (accounts, status). */
  emit: (change: 'accounts' | 'status') => void
}>

/**
 * Keychain items with no account metadata (an interrupted delete or
 * import, a lost account list): never deleted behind the user's back.
 * `adopt` makes them accounts again under their own id, so the secret is
 * not written anew and their codes work at once (as the usual TOTP: SHA-1,
 * 6 digits, 30 s; the user renames them); `discard` deletes them, only on
 * the user's explicit request. Both take only ids the vault lists as
 * orphans. Run inside the vault's one-at-a-time queue.
 */
export function createOrphans(deps: OrphanDeps) {
  const orphanIds = (ids: readonly string[]) => {
    const known = new Set(deps.keychain.get().orphanSecrets)
    return [...new Set(ids)].filter((id) => known.has(id))
  }
  const forget = (ids: readonly string[]) => {
    const gone = new Set(ids)
    deps.keychain.note({ orphanSecrets: deps.keychain.get().orphanSecrets.filter((id) => !gone.has(id)) })
  }

  async function adopt(ids: readonly string[]): Promise<Result<AccountSummary[], ApiError>> {
    const blocked = deps.keychain.refusal()
    if (blocked) return err(blocked)
    const adopted: AccountSummary[] = []
    const keys = new Map<string, Uint8Array>()
    let order = deps.list.nextOrder()
    for (const id of orphanIds(ids)) {
      let secret: string | null
      try {
        secret = await deps.secrets.get(id)
      } catch (e) {
        return err(await deps.errorFor(e, 'No account was added.'))
      }
      const key = secret === null ? null : normaliseKey(secret, { stored: true })
      if (!key?.ok || !AccountId.safeParse(id).success) {
        deps.log.warn(`orphan secret ${id.slice(0, 64)} is not a key SellerGuard can use; left in the keychain`)
        continue
      }
      const at = deps.now()
      adopted.push({ ...DRAFT_DEFAULTS, id, type: 'totp', issuer: 'Recovered account', label: `from the keychain (${id.slice(-6)})`, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: '', kind: 'other', order: order++, createdAt: at, updatedAt: at })
      keys.set(id, key.value.bytes)
    }
    if (adopted.length === 0) return err(apiError('not-found', 'None of these secrets could be added as an account (they may be gone, or not keys).'))
    const failed = await deps.list.save([...deps.list.all(), ...adopted])
    if (failed) return err(failed)
    for (const [id, bytes] of keys) deps.keys.set(id, bytes)
    const { loaded, total } = deps.keychain.get()
    deps.keychain.note({ loaded: loaded + adopted.length, total: total + adopted.length })
    forget(adopted.map((a) => a.id))
    deps.emit('accounts')
    deps.emit('status')
    return ok(adopted)
  }

  async function discard(ids: readonly string[]): Promise<Result<KeychainStatus, ApiError>> {
    const blocked = deps.keychain.refusal()
    if (blocked) return err(blocked)
    const deleted: string[] = []
    let failure: ApiError | null = null
    for (const id of orphanIds(ids)) {
      try {
        await deps.secrets.delete(id)
      } catch (e) {
        failure = await deps.errorFor(e, `${deleted.length} of them were deleted before that.`)
        break
      }
      deleted.push(id)
      deps.log.info(`orphan secret ${id} deleted at the user's request`)
    }
    forget(deleted)
    deps.emit('status')
    return failure ? err(failure) : ok(deps.keychain.get())
  }

  return { adopt, discard }
}
