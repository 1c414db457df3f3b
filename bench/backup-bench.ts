/**
 * Automatic backup benchmark: what one automatic backup costs at 50 and
 * 1,000 accounts, on the real file system and the real keychain (the
 * password), with the production scrypt cost. The first backup of a session
 * derives the key (scrypt, on libuv's thread pool); later ones reuse it and
 * cost only sealing, the atomic write, the read-back check and rotation. The
 * restore drill opens the newest backup from the password alone. Also the
 * longest event-loop stall during a backup (the codes' timers run on that
 * loop). Prints one JSON document.
 *   node bench/run-ts.mjs bench/backup-bench.ts
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createBackupPassword } from '../src/main/backup/backup-password'
import { createBackupService } from '../src/main/backup/backup-service'
import { createMemoryLogger } from '../src/main/core/log'
import { encodeBase32 } from '../src/main/otp/base32'
import type { BackupAccount } from '../src/main/transfer/backup'
import { createKeychainClient } from '../src/main/vault/keychain-client'
import { forkKeychainProcess } from '../src/main/vault/keychain-process'

const ROUNDS = 5
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round1 = (x: number) => Math.round(x * 10) / 10

function accountsOf(n: number): BackupAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench_backup_${String(i).padStart(5, '0')}`,
    type: 'totp',
    issuer: `${['Amazon Seller Central', 'KDP', 'Associates', 'Shopify'][i % 4]} ${i}`,
    label: `seller${i}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    secret: encodeBase32(randomBytes(20)),
    group: i % 3 ? 'EU' : '',
    kind: 'seller-central',
    order: i,
    createdAt: Date.now(),
  }))
}

async function measure(n: number) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `sg-bench-backup-${n}-`))
  // As the app does it: the password through the built keychain worker (npm run bench builds first).
  const secrets = createKeychainClient({ start: forkKeychainProcess(path.resolve(process.cwd(), 'out/main/keychain-worker.js')), log: createMemoryLogger(), service: `SellerGuardBench-${randomBytes(4).toString('hex')}` })
  let accounts = accountsOf(n)
  const checklist = { accounts: Object.fromEntries(accounts.slice(0, 50).map((a) => [a.id, { region: 'eu', items: { 'bank-review': { done: true, at: 1 } } }])) }
  const service = createBackupService({
    stateFile: path.join(dir, 'automatic-backups.json'),
    defaultFolder: path.join(dir, 'SellerGuard Backups'),
    canChooseFolder: false,
    password: createBackupPassword(secrets),
    keychain: () => ({ ready: true, problem: null }),
    snapshot: () => ({ ok: true, value: { accounts, checklist, missing: [] } }),
    current: () => ({ accounts, checklist }),
    now: Date.now,
    log: createMemoryLogger(),
  })
  await service.start()
  await service.configure({ password: 'a long bench password' })
  const stall = monitorEventLoopDelay({ resolution: 1 })
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now()
    await work()
    return performance.now() - started
  }
  try {
    stall.enable()
    const firstMs = await timed(() => service.backUpNow())
    stall.disable()
    const firstStallMs = stall.max / 1e6
    stall.reset()
    stall.enable()
    const laterMs: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      accounts = accounts.map((a, j) => (j === i ? { ...a, label: `${a.label}.${i}` } : a))
      laterMs.push(await timed(() => service.backUpNow()))
    }
    stall.disable()
    const drillMs: number[] = []
    for (let i = 0; i < 3; i++) drillMs.push(await timed(() => service.verify()))
    const status = service.status()
    if (status.state !== 'ok' || !status.lastFile) throw new Error(`backup not ok: ${JSON.stringify(status)}`)
    const size = (await fs.stat(path.join(status.folder, status.lastFile))).size
    return {
      accounts: n,
      firstBackupMs: round1(firstMs),
      backupMsMedian: round1(median(laterMs)),
      drillMsMedian: round1(median(drillMs)),
      fileKb: round1(size / 1024),
      /** The first backup of a process also compiles its code paths. */
      firstBackupLongestStallMs: round1(firstStallMs),
      longestEventLoopStallMs: round1(stall.max / 1e6),
      filesKept: (await fs.readdir(status.folder)).length,
    }
  } finally {
    await service.dispose()
    await secrets.delete('sellerguard-backup-password')
    secrets.close()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

const n50 = await measure(50)
process.stderr.write(`backup: 50 accounts ${JSON.stringify(n50)}\n`)
const n1000 = await measure(1000)
process.stderr.write(`backup: 1,000 accounts ${JSON.stringify(n1000)}\n`)
process.stdout.write(`${JSON.stringify({ n50, n1000, note: 'firstBackupMs includes deriving the key (scrypt N=2^17, r=8, p=1); later backups reuse it.' }, null, 2)}\n`)
