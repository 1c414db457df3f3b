import keytar from 'keytar'

/** The keychain item name every SellerGuard secret is stored under. */
export const KEYCHAIN_SERVICE = 'SellerGuard'
/** The item written and read back at start-up to tell "locked" from "empty". */
export const PROBE_ID = 'sellerguard-keychain-probe'

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
   * keytar's findCredentials crashes the whole process (a libsecret NULL
   * dereference) on a locked Secret Service collection — measured here with
   * gnome-keyring 42 and keytar 7.9.0.
   */
  list(): Promise<Array<{ id: string; secret: string }>>
}

export type KeychainProbe =
  | Readonly<{ state: 'ready' }>
  | Readonly<{ state: 'locked'; reason: string }>
  | Readonly<{ state: 'unavailable'; reason: string }>

type KeytarLike = Pick<typeof keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>

/** The real store, over keytar. `service` is changeable only so tests can keep their items apart. */
export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE, api: KeytarLike = keytar): SecretStore {
  return {
    get: (id) => api.getPassword(service, id),
    set: (id, secret) => api.setPassword(service, id, secret),
    delete: (id) => api.deletePassword(service, id),
    list: async () => (await api.findCredentials(service)).map(({ account, password }) => ({ id: account, secret: password })),
  }
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Writes a random value and reads it back. A locked Secret Service refuses
 * the write ("Cannot create an item in a locked collection") or reads back
 * null without an error; a missing provider or bus rejects at once.
 */
export async function probeKeychain(store: SecretStore, value: string): Promise<KeychainProbe> {
  try {
    await store.set(PROBE_ID, value)
  } catch (e) {
    const reason = reasonOf(e)
    return /locked/i.test(reason) ? { state: 'locked', reason } : { state: 'unavailable', reason }
  }
  try {
    const read = await store.get(PROBE_ID)
    if (read === value) return { state: 'ready' }
    return { state: 'locked', reason: 'The keychain accepted a test item but did not return it: it is locked.' }
  } catch (e) {
    return { state: 'unavailable', reason: reasonOf(e) }
  }
}
