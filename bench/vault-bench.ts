/**
 * Vault benchmark on the real keychain (gnome-keyring via Secret Service;
 * run under scripts/with-keyring.sh): fills N accounts, then times a cold
 * start of the vault — to the first code and to all codes — as the app does
 * it (secrets read in batches, codes computed as each batch arrives).
 * Leaves the data folder and keychain service for the renderer bench when
 * asked (`--keep DIR`). Prints one JSON document.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createMemoryLogger } from '../src/main/core/log'
import { codeFrame } from '../src/main/otp/generate'
import { createAccountStore } from '../src/main/vault/account-store'
import { createVault } from '../src/main/vault/vault'
import { fill, workerStore, type Fill } from './fill-accounts'

async function coldStart({ dir, service }: Fill) {
  const started = performance.now()
  const vault = createVault({ secrets: workerStore(service), store: createAccountStore(path.join(dir, 'accounts.json')), platform: process.platform, now: Date.now, log: createMemoryLogger() })
  let firstCodeMs: number | null = null
  let allCodesMs: number | null = null
  // As the app does: after each batch of secrets, compute the codes that became available.
  const done = new Set<string>()
  vault.onChange((change) => {
    if (change !== 'keys') return
    const now = Date.now()
    for (const account of vault.accounts()) {
      const key = vault.key(account.id)
      if (!key || done.has(account.id)) continue
      codeFrame(account, key, now)
      done.add(account.id)
      firstCodeMs ??= performance.now() - started
    }
    if (allCodesMs === null && done.size === vault.accounts().length) allCodesMs = performance.now() - started
  })
  await vault.start()
  // start() also lists the keychain for orphaned items once every code is out.
  const startMs = performance.now() - started
  return { firstCodeMs: round(firstCodeMs ?? NaN), allCodesMs: round(allCodesMs ?? NaN), startIncludingConsistencyCheckMs: round(startMs), loaded: vault.status().loaded }
}

function codesPerSecond(fillDir: Fill, keys: Array<{ account: Parameters<typeof codeFrame>[0]; key: Uint8Array }>) {
  void fillDir
  const rounds = 20
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) {
    const at = Date.UTC(2026, 0, 1) + r * 30_000
    for (const { account, key } of keys) codeFrame(account, key, at)
  }
  const ms = performance.now() - t0
  // A frame is two codes (this period's and the next).
  return Math.round((rounds * keys.length * 2) / (ms / 1000))
}

const round = (x: number) => Math.round(x * 10) / 10

const keepIndex = process.argv.indexOf('--keep')
const keepDir = keepIndex > 0 ? process.argv[keepIndex + 1]! : null
const results: Record<string, unknown> = {}
for (const n of [50, 1000]) {
  const t0 = performance.now()
  const filled = await fill(n, n === 1000 ? keepDir : null)
  const fillMs = performance.now() - t0
  const runs = [await coldStart(filled), await coldStart(filled), await coldStart(filled)]
  const vault = createVault({ secrets: workerStore(filled.service), store: createAccountStore(path.join(filled.dir, 'accounts.json')), platform: process.platform, now: Date.now, log: createMemoryLogger() })
  await vault.start()
  const keys = vault.accounts().map((account) => ({ account, key: vault.key(account.id)! }))
  results[`n${n}`] = {
    accounts: n,
    fillMs: round(fillMs),
    perAddMs: round(fillMs / n),
    coldStart: runs,
    firstCodeMsMedian: median(runs.map((r) => r.firstCodeMs)),
    allCodesMsMedian: median(runs.map((r) => r.allCodesMs)),
    codesPerSecond: codesPerSecond(filled, keys),
    keychainService: filled.service,
    dataDir: filled.dir,
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

process.stdout.write(`${JSON.stringify({ bench: 'vault', keychain: 'gnome-keyring (Secret Service)', ...results }, null, 2)}\n`)
