/**
 * Fills a data folder and a keychain service of its own with N accounts
 * (real keychain writes, as the app adds them), for the benchmarks. Web
 * mode started on that folder checks its clock against a dead loopback
 * port only.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defaultSettings } from '../src/shared/contract'
import { createMemoryLogger } from '../src/main/core/log'
import { encodeBase32, normaliseKey } from '../src/main/otp/base32'
import { createAccountStore } from '../src/main/vault/account-store'
import { createKeychainClient, type KeychainClient } from '../src/main/vault/keychain-client'
import { forkKeychainProcess } from '../src/main/vault/keychain-process'
import { createVault, type AccountDraft } from '../src/main/vault/vault'

export type Fill = Readonly<{ dir: string; service: string }>

// As the app does it: every keychain call in the built worker process (npm run bench builds first).
const WORKER = path.resolve(process.cwd(), 'out/main/keychain-worker.js')

/** A keychain client on the built worker, for one keychain service. */
export const workerStore = (service: string): KeychainClient => createKeychainClient({ start: forkKeychainProcess(WORKER), log: createMemoryLogger(), service })

export async function fill(n: number, keep: string | null): Promise<Fill> {
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), `sg-bench-${n}-`))
  const service = `SellerGuardBench-${randomBytes(4).toString('hex')}`
  const secrets = workerStore(service)
  const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: process.platform, now: Date.now, log: createMemoryLogger() })
  await vault.start()
  const kinds = ['seller-central', 'kdp', 'associates', 'other'] as const
  for (let i = 0; i < n; i++) {
    const key = normaliseKey(encodeBase32(randomBytes(20)))
    if (!key.ok) throw new Error('bad key')
    const draft: AccountDraft = {
      type: 'totp',
      issuer: `${['Amazon', 'KDP', 'Associates', 'Shopify', 'PayPal', 'Bank'][i % 6]} ${Math.floor(i / 6)}`,
      label: `seller${i}@example.com`,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      group: i % 10 === 0 ? 'Europe' : '',
      kind: kinds[i % 4]!,
    }
    const added = await vault.add(draft, key.value)
    if (!added.ok) throw new Error(added.error.message)
  }
  await vault.dispose()
  secrets.close()
  // Web mode (the renderer bench) reads its servers from here: loopback only.
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
  return { dir, service }
}

