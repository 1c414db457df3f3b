import { createWorkerCrypto, type WorkerCrypto } from '../../src/main/transfer/worker/client'
import { builtEntry } from './built-entry'

/** The transfer worker built from the current source, as out/main/transfer-worker.js is. */
export function transferWorkerEntry(): Promise<string> {
  return builtEntry('src/main/transfer/worker/entry.ts', 'transfer-worker', ['hash-wasm', 'kdbxweb', 'libsodium-wrappers'])
}

/** The app's CryptoWork: tasks on a real worker thread (`idleMs`: how long one is kept for the next task). */
export async function workerCrypto(idleMs?: number): Promise<WorkerCrypto> {
  return createWorkerCrypto(await transferWorkerEntry(), idleMs)
}
