import { randomBytes } from 'node:crypto'
import { apiError, type ApiError } from '../../shared/contract'
import type { KeychainStatusHolder } from './keychain-status'
import { failureState, probeKeychain, type KeychainProbe, type SecretStore } from './secret-store'

export type KeychainFailure = Exclude<KeychainProbe, { state: 'ready' }>

export type KeychainGuardDeps = Readonly<{
  secrets: SecretStore
  keychain: KeychainStatusHolder
  /** Which load is current: a recheck started before a newer load reports nothing. */
  generation: () => number
  /** The keychain is locked, gone or stuck: withdraw the codes and show why. */
  failed: (probe: KeychainFailure) => void
}>

export interface KeychainGuard {
  /** Writes and reads back the probe item; one probe at a time (they share one item). */
  probe(): Promise<KeychainProbe>
  /** After a failed write or read: find out in the background whether the keychain is locked, gone or stuck. */
  recheck(): void
  /** The error for a keychain call that failed, by what the failure says (or, for one that did not answer, whether the keychain is locked); `what` says what it means for the user. */
  errorFor(e: unknown, what: string): Promise<ApiError>
}

/** Tells locked, unavailable and "not answering" apart after any keychain failure, not only at start-up. */
export function createKeychainGuard(deps: KeychainGuardDeps): KeychainGuard {
  let probing: Promise<unknown> = Promise.resolve()
  const probe = (): Promise<KeychainProbe> => {
    const run = probing.then(async () => lockedOr(await probeKeychain(deps.secrets, randomBytes(16).toString('hex'))))
    probing = run.catch(() => undefined)
    return run
  }
  /** A keychain that did not answer may be waiting on an unlock: where the OS can say it is locked, that is the state. */
  async function lockedOr(found: KeychainProbe): Promise<KeychainProbe> {
    if (found.state !== 'not-answering' || !deps.secrets.isLocked) return found
    const locked = await deps.secrets.isLocked()
    if (!locked) return found
    return { state: 'locked', reason: `The keychain is locked; it stopped answering while waiting to be unlocked (${found.reason})` }
  }
  // One recheck at a time; a stuck keychain is not asked again until the user retries.
  let rechecking = false
  function recheck(): void {
    if (rechecking) return
    rechecking = true
    const mine = deps.generation()
    void probe().then((found) => {
      rechecking = false
      if (mine !== deps.generation() || found.state === 'ready') return
      if (found.state === 'not-answering' && deps.keychain.get().state !== 'ready') return
      deps.failed(found)
    })
  }
  return {
    probe,
    recheck,
    async errorFor(e, what) {
      const failed = failureState(e)
      const name = deps.keychain.get().keychainName
      // A call stuck on a locked keychain times out: the last probe, or the OS, says whether it is locked.
      const locked = failed.state === 'locked' || (failed.state === 'not-answering' && (deps.keychain.get().state === 'locked' || (await deps.secrets.isLocked?.()) === true))
      // The vault follows (the banner shows it): a write refused by a locked keychain makes it locked.
      recheck()
      if (locked) return apiError('keychain-locked', `The ${name} is locked. ${what}`)
      if (failed.state === 'not-answering') return apiError('keychain-unavailable', `The ${name} did not answer. ${what}`)
      return apiError('keychain-unavailable', `The ${name} refused: ${failed.reason}. ${what}`)
    },
  }
}
