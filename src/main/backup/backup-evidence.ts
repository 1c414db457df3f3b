import { accountDigest, checklistDigest, type ComparedAccount } from './backup-compare'
import type { BackupRecord } from './backup-state'

/** What SellerGuard holds now, without secrets. */
export type CurrentData = Readonly<{ accounts: readonly ComparedAccount[]; checklist: unknown }>

/** The newest backup holding one account. Times are ms since the epoch. */
export type AccountBackup = Readonly<{
  /** When that backup was made. */
  at: number
  /** An automatic backup SellerGuard read back (or opened in a restore drill); false for an export by hand. */
  verified: boolean
  /** It holds the account as it is now (name, group, counter…), not an older state of it. */
  current: boolean
}>

/**
 * The checklist's "recent backup" evidence, and issue 15's "encrypted backup
 * newer than the last change". It claims only what a backup record shows:
 * an account counts only if a backup holds its id.
 */
export type BackupEvidence = Readonly<{
  /** When the newest verified automatic backup was checked; null = none. */
  lastVerifiedAt: number | null
  /** That backup holds every account and the checklist exactly as they are now (nothing added, changed or deleted since). */
  coversLatestChange: boolean
  /** Why automatic backups are not working, if they are not (one sentence for the user). */
  problem: string | null
  /** Per current account: the newest backup holding it; absent = no backup holds it. */
  accounts: Readonly<Record<string, AccountBackup>>
}>

/** Digests of the current accounts, memoised per (immutable) account object. */
export function createDigests(): (account: ComparedAccount) => string {
  const memo = new WeakMap<ComparedAccount, string>()
  return (account) => {
    let digest = memo.get(account)
    if (digest === undefined) memo.set(account, (digest = accountDigest(account)))
    return digest
  }
}

/** Whether `record` holds exactly the current accounts and checklist. */
export function coversCurrent(record: BackupRecord | null, current: CurrentData, digestOf: (a: ComparedAccount) => string): boolean {
  if (record === null) return false
  if (Object.keys(record.accounts).length !== current.accounts.length) return false
  if (!current.accounts.every((a) => record.accounts[a.id] === digestOf(a))) return false
  return record.checklist === checklistDigest(current.checklist)
}

export type EvidenceInput = Readonly<{
  /** The newest automatic backup, only while SellerGuard trusts it is on disk as written. */
  automatic: BackupRecord | null
  exported: BackupRecord | null
  current: CurrentData
  problem: string | null
  digestOf: (a: ComparedAccount) => string
}>

export function backupEvidence(input: EvidenceInput): BackupEvidence {
  const { automatic, exported, current, digestOf } = input
  const verified = automatic?.verifiedAt != null ? automatic : null
  const candidates = [verified, exported].filter((r): r is BackupRecord => r !== null).sort((a, b) => b.at - a.at)
  const accounts: Record<string, AccountBackup> = {}
  for (const account of current.accounts) {
    const holder = candidates.find((record) => record.accounts[account.id] !== undefined)
    if (holder) accounts[account.id] = { at: holder.at, verified: holder.verifiedAt !== null, current: holder.accounts[account.id] === digestOf(account) }
  }
  return { lastVerifiedAt: verified?.verifiedAt ?? null, coversLatestChange: coversCurrent(verified, current, digestOf), problem: input.problem, accounts }
}
