import { apiError, type ApiError, type KeychainStatus } from '../../shared/contract'
import { keychainHelp, keychainName } from './keychain-help'

export interface KeychainStatusHolder {
  get(): KeychainStatus
  /** Changes the status and says so (the UI shows it). */
  set(patch: Partial<KeychainStatus>): void
  /** Changes counts or the file problem without a status event (the caller emits its own change). */
  note(patch: Partial<KeychainStatus>): void
  /** Resolves once the keychain has answered (any state but `checking`). */
  untilChecked(): Promise<void>
  /** Why the vault cannot write now, as the error the UI shows; null when it can. */
  refusal(): ApiError | null
  /** Why the account list cannot be changed now (it could not be read); null when it can. */
  listRefusal(): ApiError | null
}

/** The keychain as the UI sees it: state, the OS's words, help for this OS, and what that state refuses. */
export function createKeychainStatus(platform: NodeJS.Platform, changed: () => void): KeychainStatusHolder {
  let status: KeychainStatus = {
    state: 'checking',
    reason: null,
    help: null,
    keychainName: keychainName(platform),
    missingSecrets: [],
    orphanSecrets: [],
    metadataProblem: null,
    backupAvailable: false,
    loaded: 0,
    total: 0,
  }
  // Adds that arrive while the keychain is being opened wait for its answer (bounded by the
  // keychain timeout) instead of failing with "try again in a moment".
  const waiting: Array<() => void> = []
  const listRefusal = () => (status.metadataProblem ? apiError('io', `The account list cannot be changed until it is repaired: ${status.metadataProblem}`) : null)
  return {
    get: () => status,
    set(patch) {
      status = { ...status, ...patch }
      status.help = keychainHelp(status.state, platform, status.reason)
      if (status.state !== 'checking') for (const resolve of waiting.splice(0)) resolve()
      changed()
    },
    note(patch) {
      status = { ...status, ...patch }
    },
    untilChecked: () => (status.state === 'checking' ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
    listRefusal,
    refusal() {
      const { state, keychainName: name, reason } = status
      if (status.metadataProblem) return listRefusal()
      if (state === 'ready') return null
      if (state === 'locked') return apiError('keychain-locked', `The ${name} is locked. Unlock it, then press Retry.`)
      if (state === 'checking') return apiError('keychain-unavailable', `Still opening the ${name}. Try again in a moment.`)
      if (state === 'not-answering') return apiError('keychain-unavailable', `The ${name} is not answering. Unlock it if it is locked, then press Retry.`)
      return apiError('keychain-unavailable', `The ${name} is not available: ${reason ?? 'unknown reason'}.`)
    },
  }
}
