import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builtEntry } from './helpers/built-entry'
import { keychainWorkerEntry } from './helpers/keychain-worker'

const ROOT = path.resolve(__dirname, '..')
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-start-up-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

type Loaded = Readonly<{ atStart: string[]; atUrl: string[]; beforeFork: string[] | null }>

/** Starts web mode built from the current source: the packages it loaded by the time its services were up, when it printed its address, and before it forked the keychain worker. */
async function packagesLoadedAtStart(): Promise<Loaded> {
  const entry = await builtEntry('src/main/web/index.ts', 'web', Object.keys(pkg.dependencies), { __APP_VERSION__: JSON.stringify('0.0.0-test') })
  // Web mode forks its keychain worker from beside itself, as out/main holds them.
  copyFileSync(await keychainWorkerEntry(), path.join(path.dirname(entry), 'keychain-worker.js'))
  const child = spawn(process.execPath, ['--require', path.join(__dirname, 'helpers/record-loads.cjs'), entry], {
    env: { ...process.env, SELLERGUARD_DATA_DIR: dataDir, SELLERGUARD_KEYCHAIN_SERVICE: `SellerGuardStartUp-${process.pid}`, SELLERGUARD_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    return await new Promise<Loaded>((resolve, reject) => {
      let stderr = ''
      child.stdout.resume()
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const line = /^SELLERGUARD_LOADED=(.*)$/m.exec(stderr)
        const url = /^SELLERGUARD_LOADED_AT_URL=(.*)$/m.exec(stderr)
        const fork = /^SELLERGUARD_LOADED_BEFORE_FORK=(.*)$/m.exec(stderr)
        if (line && url && fork) resolve({ atStart: JSON.parse(line[1]!) as string[], atUrl: JSON.parse(url[1]!) as string[], beforeFork: JSON.parse(fork[1]!) as string[] | null })
      })
      child.once('exit', (code) => reject(new Error(`web mode exited (${code}) before serving:\n${stderr}`)))
    })
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))
  }
}

describe('start-up loads only what the first screen needs (built web mode)', () => {
  // One start serves both tests; started by the first that asks.
  let started: Promise<Loaded> | undefined
  const loadedAtStart = () => (started ??= packagesLoadedAtStart())

  it('leaves the QR, import and export libraries, and keytar, until first used', async () => {
    const loaded = (await loadedAtStart()).atStart
    // The recorder works: the first screen's own libraries are there.
    expect(loaded).toEqual(expect.arrayContaining(['otpauth', 'ws', 'zod']))
    // QR decoding, Google exports, QR images for reveal, zip and KeePass/Aegis/andOTP imports: on first use.
    // keytar: only in the keychain worker process.
    for (const later of ['zxing-wasm/reader', 'protobufjs', 'qrcode', 'fflate', 'kdbxweb', 'libsodium-wrappers', 'hash-wasm', 'keytar']) expect(loaded).not.toContain(later)
  }, 60_000)

  it('starts the keychain worker before it loads the services, so the two start side by side', async () => {
    const { beforeFork } = await loadedAtStart()
    // null: no worker was forked at all before web mode was serving.
    expect(beforeFork).not.toBeNull()
    // zod comes with the contract, which every service imports: not loaded yet when the worker starts.
    expect(beforeFork).not.toContain('zod')
    expect(beforeFork).toEqual([])
  }, 60_000)

  it('listens and prints its address before it loads the contract and the services', async () => {
    const { atUrl } = await loadedAtStart()
    // The server alone (ws): the browser loads the page while zod, the contract and the services load.
    expect(atUrl).toContain('ws')
    for (const later of ['zod', 'otpauth']) expect(atUrl).not.toContain(later)
  }, 60_000)
})
