import { KeychainFault } from './keychain-fault'

/** The keychain item name every SellerGuard secret is stored under. */
export const KEYCHAIN_SERVICE = 'SellerGuard'
/** The item written and read back at start-up to tell "locked" from "empty". */
export const PROBE_ID = 'sellerguard-keychain-probe'
/** The automatic backups' own password (backup/backup-password.ts). */
export const BACKUP_PASSWORD_ID = 'sellerguard-backup-password'
/** Items of the service that are not accounts' secrets: never reported as orphans. */
export const RESERVED_IDS: readonly string[] = [PROBE_ID, BACKUP_PASSWORD_ID]

/**
 * Where secrets live: the OS keychain (macOS Keychain, Windows Credential
 * Manager, Linux Secret Service). One item per account, named by the
 * account's id. Nothing else in the app stores a secret.
 */
export interface SecretStore {
  /** `null` when there is no item — or when a Secret Service collection is locked (it does not say). */
  get(id: string): Promise<string | null>
  set(id: string, secret: string): Promise<void>
  delete(id: string): Promise<boolean>
  /**
   * Every item of the service. Only call right after a probe said `ready`:
   * keytar's findCredentials crashes its process (a libsecret NULL
   * dereference) on a Secret Service collection locked while it runs —
   * measured here with gnome-keyring 42 and keytar 7.9.0 — which is why
   * keytar runs only in the keychain worker (keychain-client.ts).
   */
  list(): Promise<Array<{ id: string; secret: string }>>
  /**
   * Whether the keychain says it is locked, asked without going through the
   * keychain library (which may be stuck behind an unlock prompt); null when
   * it cannot tell. Only where the OS offers a way (Linux: secret-service-lock.ts).
   */
  isLocked?(): Promise<boolean | null>
}

export type KeychainProbe =
  | Readonly<{ state: 'ready' }>
  | Readonly<{ state: 'locked'; reason: string }>
  | Readonly<{ state: 'unavailable'; reason: string }>
  /** The keychain's process crashed or did not answer in time (see keychain-client.ts). */
  | Readonly<{ state: 'not-answering'; reason: string }>

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** What a failed keychain call says about the keychain: a refusal names its state; a crash or timeout is "not answering". */
export function failureState(e: unknown): Exclude<KeychainProbe, { state: 'ready' }> {
  const reason = reasonOf(e)
  if (e instanceof KeychainFault) return { state: 'not-answering', reason }
  return /locked/i.test(reason) ? { state: 'locked', reason } : { state: 'unavailable', reason }
}

/**
 * Writes a random value and reads it back. A locked Secret Service refuses
 * the write ("Cannot create an item in a locked collection") or reads back
 * null without an error; a missing provider or bus rejects at once.
 */
export async function probeKeychain(store: SecretStore, value: string): Promise<KeychainProbe> {
  try {
    await store.set(PROBE_ID, value)
  } catch (e) {
    return failureState(e)
  }
  try {
    const read = await store.get(PROBE_ID)
    if (read === value) return { state: 'ready' }
    return { state: 'locked', reason: 'The keychain accepted a test item but did not return it: it is locked.' }
  } catch (e) {
    const failed = failureState(e)
    return failed.state === 'not-answering' ? failed : { state: 'unavailable', reason: failed.reason }
  }
}
