import keytar from 'keytar'
import type { SecretStore } from '../../src/main/vault/secret-store'

/**
 * keytar in the test's own process: a second client of the same keychain,
 * for a test to look at or plant items behind the app's back. The app
 * itself never loads keytar (it runs in the keychain worker, see
 * src/main/vault/keychain-worker.ts).
 */
export function createKeytarSecretStore(service: string): SecretStore {
  return {
    get: (id) => keytar.getPassword(service, id),
    set: (id, secret) => keytar.setPassword(service, id, secret),
    delete: (id) => keytar.deletePassword(service, id),
    list: async () => (await keytar.findCredentials(service)).map(({ account, password }) => ({ id: account, secret: password })),
  }
}
