import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { createMemoryLogger } from '../../src/main/core/log'
import { createKeychainClient, type KeychainClient, type KeychainClientOptions } from '../../src/main/vault/keychain-client'
import { forkKeychainProcess } from '../../src/main/vault/keychain-process'

const SOURCE = path.resolve(__dirname, '../../src/main/vault/keychain-worker.ts')
let built: Promise<string> | null = null

/**
 * The keychain worker built from the current source (as electron-vite builds
 * out/main/keychain-worker.js), so a test never runs a stale build. Once per
 * test file.
 */
export function keychainWorkerEntry(): Promise<string> {
  built ??= (async () => {
    // Inside the project, so the worker resolves keytar from node_modules as the built one does.
    const parent = path.resolve(__dirname, '../../.tmp')
    mkdirSync(parent, { recursive: true })
    const outDir = mkdtempSync(path.join(parent, 'keychain-worker-'))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        ssr: SOURCE,
        outDir,
        emptyOutDir: false,
        minify: false,
        rollupOptions: { external: ['keytar'], output: { format: 'cjs', entryFileNames: 'keychain-worker.js' } },
      },
    })
    return path.join(outDir, 'keychain-worker.js')
  })()
  return built
}

/** A SecretStore over a real keychain worker process, as web mode builds it. */
export async function workerSecretStore(service: string, options: Partial<KeychainClientOptions> = {}): Promise<KeychainClient> {
  return createKeychainClient({ start: forkKeychainProcess(await keychainWorkerEntry()), log: createMemoryLogger(), service, ...options })
}
