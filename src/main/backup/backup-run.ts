import { createHash } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { decryptBackup, openBackup, sealBackup, type BackupAccount, type BackupKey, type BackupPayload } from '../transfer/backup'
import type { DrillReport } from '../../shared/contract/backup'
import { accountDigest, checklistDigest, compareAccounts, type ComparedAccount } from './backup-compare'
import type { BackupFolder } from './backup-folder'
import type { BackupRecord } from './backup-state'

/** What goes into a backup: every account whose key is loaded, the checklist and the settings. */
export type BackupSnapshot = Readonly<{
  accounts: readonly BackupAccount[]
  checklist?: unknown
  settings?: unknown
  /** Accounts left out because the keychain has no key for them. */
  missing: readonly string[]
}>

export type RunProblem = Readonly<{ kind: 'folder-missing' | 'folder-unwritable' | 'file-missing' | 'write-failed' | 'verify-failed'; message: string }>

/** Lets timers and requests run between the heavier steps (1,000 accounts: ~10–20 ms each). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A digest of a backup file's text, to notice a change on disk. */
export const fileDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url')

/** What a backup holds, as recorded on disk: digests only, never a secret. */
export function recordOf(payload: Readonly<{ accounts: readonly ComparedAccount[]; checklist?: unknown }>, at: number, verifiedAt: number | null, where?: Readonly<{ folder: string; file: string; text: string }>): BackupRecord {
  return {
    at,
    verifiedAt,
    ...(where ? { folder: where.folder, file: where.file, fileDigest: fileDigest(where.text) } : {}),
    accounts: Object.fromEntries(payload.accounts.map((a) => [a.id, accountDigest(a)])),
    checklist: checklistDigest(payload.checklist),
  }
}

export type WriteInput = Readonly<{ folders: BackupFolder; folder: string; createFolder: boolean; key: BackupKey; snapshot: BackupSnapshot; at: number; keep: number }>

/**
 * One automatic backup: sealed with the derived key, written atomically,
 * then read back from disk and opened with the same key (no KDF: cheap) and
 * compared with what was meant to be written. Only a backup that passes
 * counts; older ones beyond `keep` are deleted only after that.
 */
export async function writeBackup(input: WriteInput): Promise<Result<BackupRecord, RunProblem>> {
  const { folders, folder, snapshot, at } = input
  const prepared = await folders.prepare(folder, input.createFolder)
  if (!prepared.ok) return prepared
  const payload: BackupPayload = { accounts: [...snapshot.accounts], ...(snapshot.checklist !== undefined ? { checklist: snapshot.checklist } : {}), ...(snapshot.settings !== undefined ? { settings: snapshot.settings } : {}) }
  await nextTurn()
  const text = sealBackup(payload, input.key, at)
  if (!text.ok) return err({ kind: 'write-failed', message: `The backup could not be made: ${text.error.message}` })
  const written = await folders.write(folder, at, text.value)
  if (!written.ok) return written
  const back = await folders.read(folder, written.value)
  if (!back.ok) return back
  await nextTurn()
  const opened = openBackup(back.value, input.key)
  await nextTurn()
  const differences = opened.ok ? compareAccounts(snapshot.accounts, opened.value.accounts) : []
  const checklistSame = opened.ok && checklistDigest(opened.value.checklist) === checklistDigest(payload.checklist)
  if (!opened.ok || differences.length > 0 || !checklistSame || back.value !== text.value) {
    return err({ kind: 'verify-failed', message: `The backup ${written.value} was written but does not read back as written (${opened.ok ? 'its contents differ' : opened.error.message}). SellerGuard will try again.` })
  }
  await folders.prune(folder, input.keep)
  await nextTurn()
  return ok(recordOf(payload, at, at, { folder, file: written.value, text: text.value }))
}

export type DrillInput = Readonly<{ folders: BackupFolder; folder: string; password: string; current: BackupSnapshot; now: number }>

/**
 * "Verify backups": opens the newest backup in the folder on its own, from
 * the file and the password alone (the KDF runs, no cached key), and compares
 * it with the vault now. With the report comes the record of what the backup
 * holds, when it could be opened.
 */
export async function runDrill(input: DrillInput): Promise<Readonly<{ report: DrillReport; record: BackupRecord | null }>> {
  const { folders, folder, current } = input
  const names = await folders.list(folder)
  if (!names.ok) return { report: { result: 'none', message: names.error.message }, record: null }
  const newest = names.value[0]
  if (newest === undefined) return { report: { result: 'none', message: `There is no automatic backup in ${folder} yet.` }, record: null }
  const text = await folders.read(folder, newest)
  if (!text.ok) return { report: { result: 'unreadable', file: newest, message: text.error.message }, record: null }
  const opened = await decryptBackup(text.value, input.password)
  if (!opened.ok) return { report: { result: 'unreadable', file: newest, message: `The newest backup, ${newest}, cannot be restored: ${opened.error.message}` }, record: null }
  const header = JSON.parse(text.value) as { createdAt: string }
  const at = Date.parse(header.createdAt)
  const accounts = compareAccounts(current.accounts, opened.value.accounts)
  const checklistDiffers = checklistDigest(opened.value.checklist) !== checklistDigest(current.checklist)
  const record = recordOf(opened.value, at, input.now, { folder, file: newest, text: text.value })
  const report: DrillReport = accounts.length === 0 && !checklistDiffers ? { result: 'matches', file: newest, at } : { result: 'differs', file: newest, at, accounts, checklistDiffers }
  return { report, record }
}
