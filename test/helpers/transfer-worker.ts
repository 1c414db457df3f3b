import { createWorkerCrypto } from '../../src/main/transfer/worker/client'
import type { CryptoWork } from '../../src/main/transfer/crypto-work'
import { builtEntry } from './built-entry'

/** The transfer worker built from the current source, as out/main/transfer-worker.js is. */
export function transferWorkerEntry(): Promise<string> {
  return builtEntry('src/main/transfer/worker/entry.ts', 'transfer-worker', ['hash-wasm', 'kdbxweb', 'libsodium-wrappers'])
}

/** The app's CryptoWork: tasks on a real worker thread. */
export async function workerCrypto(): Promise<CryptoWork> {
  return createWorkerCrypto(await transferWorkerEntry())
}
