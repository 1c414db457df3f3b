/**
 * The child process of crash-safety.test.ts: saves account metadata and
 * checklist ticks with the app's real stores, and writes an automatic
 * encrypted backup with the app's real backup writer (rotation included),
 * over and over, until it is killed. It prints `ready N` once it has loaded what the previous child
 * left, and `saved N` after each save it was told succeeded (stdout is a
 * pipe, written synchronously on Linux: a printed line was confirmed).
 *
 * Run bundled (crash-safety.test.ts builds it with Vite) or through Vite's
 * module runner (crash-runner.mjs). Usage: <node> <entry> <data-dir>
 */
import path from 'node:path'
import type { AccountSummary } from '../../src/shared/contract'
import { createChecklistStore } from '../../src/main/checklist/store'
import type { ChecklistState } from '../../src/main/checklist/state'
import { createAccountStore } from '../../src/main/vault/account-store'
import { createBackupFolder } from '../../src/main/backup/backup-folder'
import { writeBackup } from '../../src/main/backup/backup-run'
import { deriveBackupKey, type BackupAccount, type BackupKey } from '../../src/main/transfer/backup'
import { MIN_SCRYPT_N, backupAccountOf } from '../../src/main/transfer/backup-schema'

/** Enough accounts that each save is a few kilobytes, not one tiny write. */
export const ACCOUNT_COUNT = 40
export const TRACKED_ID = 'acc_crash_00'
export const TRACKED_ITEM = 'bank-review'

const say = (line: string) => process.stdout.write(`${line}\n`)

function accounts(n: number): AccountSummary[] {
  return Array.from({ length: ACCOUNT_COUNT }, (_, i) => ({
    id: `acc_crash_${String(i).padStart(2, '0')}`,
    issuer: `Amazon Seller Central ${i}`,
    region: null,
    pinned: false,
    verifiedAt: null,
    lastUsedAt: null,
    icon: { kind: 'auto' },
    label: `seller-${i}@example.com`,
    type: i === 0 ? 'hotp' : 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    // The sequence number rides in account 0's HOTP counter, as advanceCounter would write it.
    counter: i === 0 ? n : 0,
    group: i % 2 ? 'EU' : 'NA',
    kind: 'seller-central',
    order: i,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + n,
  }))
}

function checklist(n: number): ChecklistState {
  return {
    accounts: Object.fromEntries(
      accounts(0).map((a, i) => [
        a.id,
        { region: 'eu' as const, items: { [TRACKED_ITEM]: { done: n % 2 === 0, at: i === 0 ? n : 1, by: 'crash test', note: `round ${n} `.repeat(20).trim() } } },
      ]),
    ),
  }
}

/** Automatic backups kept by the child. */
export const BACKUPS_KEPT = 3
/** The parent derives the backup key once and hands it to every child (a KDF run per child would double the suite's time). */
const SALT = new Uint8Array(32).fill(7)
const KDF = { N: MIN_SCRYPT_N, r: 8, p: 1 }
export const backupKey = async (): Promise<BackupKey> => {
  const key = await deriveBackupKey('crash test password', KDF, SALT)
  if (!key.ok) throw new Error(key.error.message)
  return key.value
}
export const keyToEnv = (key: BackupKey) => Buffer.from(key.key).toString('hex')
const keyFromEnv = (): BackupKey => ({ key: new Uint8Array(Buffer.from(process.env.SELLERGUARD_CRASH_KEY ?? '', 'hex')), salt: SALT, kdf: KDF })
const withSecrets = (list: readonly AccountSummary[]): BackupAccount[] => list.map((a) => backupAccountOf(a, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'))

/** The sequence number a loaded account list / checklist carries (0 for a fresh install). */
export const seqOfAccounts = (list: readonly Pick<AccountSummary, 'id' | 'counter'>[]) => list.find((a) => a.id === TRACKED_ID)?.counter ?? 0
export const seqOfChecklist = (state: ChecklistState) => state.accounts[TRACKED_ID]?.items[TRACKED_ITEM]?.at ?? 0

export async function run(dir: string): Promise<never> {
  const accountStore = createAccountStore(path.join(dir, 'accounts.json'))
  const checklistStore = createChecklistStore(path.join(dir, 'checklist.json'))
  const folders = createBackupFolder()
  const backups = path.join(dir, 'backups')
  const key = keyFromEnv()
  const loadedAccounts = await accountStore.load()
  if (!loadedAccounts.ok) {
    say(`load-failed accounts ${JSON.stringify(loadedAccounts.error)}`)
    process.exit(2)
  }
  const loadedChecklist = await checklistStore.load()
  if (loadedChecklist.kind !== 'loaded') {
    say(`load-failed checklist ${JSON.stringify(loadedChecklist)}`)
    process.exit(3)
  }
  // Accounts are saved first, so they are never behind the checklist.
  let n = seqOfAccounts(loadedAccounts.value)
  say(`ready ${n} ${seqOfChecklist(loadedChecklist.state)}`)
  for (;;) {
    n++
    const a = await accountStore.save(accounts(n))
    if (!a.ok) {
      say(`save-failed accounts ${JSON.stringify(a.error)}`)
      process.exit(4)
    }
    const c = await checklistStore.save(checklist(n))
    if (!c.ok) {
      say(`save-failed checklist ${JSON.stringify(c.error)}`)
      process.exit(5)
    }
    const b = await writeBackup({ folders, folder: backups, createFolder: true, key, snapshot: { accounts: withSecrets(accounts(n)), checklist: checklist(n), missing: [] }, at: Date.now(), keep: BACKUPS_KEPT })
    if (!b.ok) {
      say(`save-failed backup ${JSON.stringify(b.error)}`)
      process.exit(6)
    }
    say(`saved ${n}`)
  }
}

const dir = process.argv[2]
if (dir && process.env.SELLERGUARD_CRASH_CHILD === '1') await run(dir)
