import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { createWorkerCrypto } from '../../src/main/transfer/worker/client'
import type { CryptoWork } from '../../src/main/transfer/crypto-work'

const SOURCE = path.resolve(__dirname, '../../src/main/transfer/worker/entry.ts')
/** What electron-vite leaves external in the main build (the package's dependencies). */
const EXTERNAL = ['hash-wasm', 'kdbxweb', 'libsodium-wrappers']
let built: Promise<string> | null = null

/**
 * The transfer worker built from the current source, as electron-vite builds
 * out/main/transfer-worker.js, so a test never runs a stale build. Once per
 * test file (~1 s).
 */
export function transferWorkerEntry(): Promise<string> {
  built ??= (async () => {
    // Inside the project, so the worker resolves its libraries from node_modules as the built one does.
    const parent = path.resolve(__dirname, '../../.tmp')
    mkdirSync(parent, { recursive: true })
    // Test workers that were killed leave their build behind: clear those over an hour old.
    for (const name of readdirSync(parent).filter((n) => n.startsWith('transfer-worker-'))) {
      const dir = path.join(parent, name)
      if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true })
    }
    const outDir = mkdtempSync(path.join(parent, 'transfer-worker-'))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    await build({
      configFile: false,
      logLevel: 'silent',
      build: { ssr: SOURCE, outDir, emptyOutDir: false, minify: false, rollupOptions: { external: EXTERNAL, output: { format: 'cjs', entryFileNames: 'transfer-worker.js' } } },
    })
    return path.join(outDir, 'transfer-worker.js')
  })()
  return built
}

/** The app's CryptoWork: tasks on a real worker thread. */
export async function workerCrypto(): Promise<CryptoWork> {
  return createWorkerCrypto(await transferWorkerEntry())
}
