import { createMemoryLogger } from '../../src/main/core/log'
import { createKeychainClient, type KeychainClient, type KeychainClientOptions } from '../../src/main/vault/keychain-client'
import { forkKeychainProcess } from '../../src/main/vault/keychain-process'
import { osLockState } from '../../src/main/vault/secret-service-lock'
import { builtEntry } from './built-entry'

/**
 * The keychain worker built from the current source (as electron-vite builds
 * out/main/keychain-worker.js), so a test never runs a stale build. Once per
 * test file.
 */
export function keychainWorkerEntry(): Promise<string> {
  return builtEntry('src/main/vault/keychain-worker.ts', 'keychain-worker', ['keytar'])
}

/** A SecretStore over a real keychain worker process, as web mode builds it. */
export async function workerSecretStore(service: string, options: Partial<KeychainClientOptions> = {}): Promise<KeychainClient> {
  return createKeychainClient({ start: forkKeychainProcess(await keychainWorkerEntry()), log: createMemoryLogger(), service, ...osLockState(process.platform), ...options })
}
