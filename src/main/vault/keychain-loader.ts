import type { AccountRef, AccountSummary } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { normaliseKey } from '../otp/base32'
import { KeychainFault } from './keychain-fault'
import { RESERVED_IDS, type KeychainProbe, type SecretStore } from './secret-store'

export type LoadDeps = Readonly<{
  secrets: SecretStore
  /** Writes and reads back the probe item (probeKeychain), one probe at a time: two at once would read each other's value. */
  probe: () => Promise<KeychainProbe>
  log: Logger
  /** Keychain reads in flight at once. */
  readConcurrency: number
  /** Progress is reported when this many secrets are in, then at twice, four times … as many. */
  batchSize: number
  /** The app lock's hook, after the probe and before any secret is read: false while it is locked. */
  mayRead?: () => Promise<boolean>
}>

export type LoadHooks = Readonly<{
  /** False once a newer load has started: this one stops and reports nothing more. */
  current: () => boolean
  /** The keychain answered the probe: secrets are about to stream in. */
  onReady: () => void
  onKey: (id: string, key: Uint8Array) => void
  onProgress: (loaded: number) => void
}>

/** How a load ended: the keychain's state, and (when ready) which accounts had no secret. */
export type LoadResult = Readonly<{ probe: KeychainProbe; missing: AccountRef[]; loaded: number; appLocked?: boolean }>

const notAnswering = (fault: KeychainFault): KeychainProbe & { state: 'not-answering' } => ({ state: 'not-answering', reason: fault.message })
const refOf = (a: AccountSummary): AccountRef => ({ id: a.id, issuer: a.issuer, label: a.label })

/**
 * Probes the keychain, streams every account's secret in, and probes again.
 * A read that crashes or times out stops the load at once (the keychain is
 * not answering, and every other read would wait as long); a locked
 * keychain reads back null without an error, so the second probe is what
 * tells a secret that is really missing from one the lock hid. Only a load
 * whose second probe says `ready` reports missing secrets.
 */
export async function loadKeys(accounts: readonly AccountSummary[], deps: LoadDeps, hooks: LoadHooks): Promise<LoadResult> {
  const probe = await deps.probe()
  if (probe.state !== 'ready' || !hooks.current()) return { probe, missing: [], loaded: 0 }
  if (deps.mayRead) {
    let may: boolean
    try {
      may = await deps.mayRead()
    } catch (e) {
      // The app lock's record could not be read: a keychain failure like any read's.
      if (e instanceof KeychainFault) return { probe: notAnswering(e), missing: [], loaded: 0 }
      const again = await deps.probe()
      return { probe: again.state === 'ready' ? { state: 'unavailable', reason: `the app lock could not be read: ${e instanceof Error ? e.message : String(e)}` } : again, missing: [], loaded: 0 }
    }
    if (!may) return { probe, missing: [], loaded: 0, appLocked: true }
  }
  hooks.onReady()
  const missing: AccountRef[] = []
  let loaded = 0
  let milestone = deps.batchSize
  let fault: KeychainFault | null = null
  // Reads run `readConcurrency` at a time in display order (the keychain answers pipelined
  // requests much faster than one by one); progress is reported at doubling counts.
  let next = 0
  const reader = async () => {
    while (next < accounts.length && fault === null && hooks.current()) {
      const account = accounts[next++]!
      let secret: string | null
      try {
        secret = await deps.secrets.get(account.id)
      } catch (e) {
        if (e instanceof KeychainFault) {
          fault ??= e
          return
        }
        secret = null
      }
      const key = secret ? normaliseKey(secret, { stored: true }) : null
      if (key?.ok) hooks.onKey(account.id, key.value.bytes)
      else missing.push(refOf(account))
      loaded++
      if (loaded === milestone || loaded === accounts.length) {
        milestone *= 2
        if (hooks.current()) hooks.onProgress(loaded)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(deps.readConcurrency, accounts.length) }, reader))
  if (fault !== null) {
    // No probe here: a keyring locked under a read keeps its unlock prompt pending, and every
    // call waits behind it (measured: the probe in a fresh worker hangs too). Say so now; the
    // vault finds out in the background whether it is locked.
    deps.log.warn(`keychain stopped answering after ${loaded} of ${accounts.length} secrets: ${String(fault)}`)
    return { probe: notAnswering(fault), missing: [], loaded: 0 }
  }
  const again = await deps.probe()
  if (again.state !== 'ready') return { probe: again, missing: [], loaded: 0 }
  if (missing.length > 0) deps.log.warn(`${missing.length} accounts have no secret in the keychain`)
  return { probe: again, missing, loaded }
}

/**
 * Keychain items that no account names. Call only right after a probe said
 * `ready`, as loadKeys's last one (see SecretStore.list); `known` is read after the listing returns,
 * so an account saved while it ran is not reported. Fails with the
 * keychain's state when it is no longer ready (a lock during the listing
 * crashes keytar's findCredentials: the worker dies, the probe after it
 * tells why), or with null when only the listing failed.
 */
export async function listOrphans(deps: LoadDeps, known: () => ReadonlySet<string>): Promise<Result<string[], Exclude<KeychainProbe, { state: 'ready' }> | null>> {
  try {
    const items = await deps.secrets.list()
    const names = known()
    const orphans = items.map((item) => item.id).filter((id) => !RESERVED_IDS.includes(id) && !names.has(id))
    if (orphans.length > 0) deps.log.warn(`${orphans.length} keychain items have no account`)
    return ok(orphans)
  } catch (e) {
    deps.log.warn(`could not list the keychain for orphaned items: ${e instanceof Error ? e.message : String(e)}`)
    if (e instanceof KeychainFault) return err(notAnswering(e))
    const after = await deps.probe()
    // Ready again: another app wrote to the keychain while it was listed; the report waits for the next Retry.
    return err(after.state === 'ready' ? null : after)
  }
}
