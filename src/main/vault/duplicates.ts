import type { AccountSummary } from '../../shared/contract'
import { encodeBase32, normaliseKey } from '../otp/base32'

/*
 * Which imported accounts the user already has. Two accounts are the same
 * when their keys are the same bytes and their issuer and account name match
 * ignoring case and surrounding spaces. The same key under another name is
 * not a duplicate: some services share keys across sub-accounts, and the user
 * may have renamed one on purpose.
 */

/** What is compared: an imported account, or an existing one with its secret read from the vault. */
export type Comparable = Readonly<{ issuer: string; label: string; secret: string }>

export type KnownAccount = Comparable & Readonly<{ id: string }>

export type DuplicateReport = Readonly<{
  /** Incoming accounts that repeat an existing one. */
  existing: readonly Readonly<{ index: number; existingId: string }>[]
  /** Incoming accounts that repeat an earlier incoming one (e.g. the same QR code in two exports). */
  repeated: readonly Readonly<{ index: number; firstIndex: number }>[]
  /** Indexes of the incoming accounts that are new. */
  fresh: readonly number[]
}>

/** The comparison key: canonical key bytes as base32, then the case-folded names. */
export function duplicateKey(account: Comparable): string {
  const key = normaliseKey(account.secret, { stored: true })
  // Re-encoding the bytes makes keys equal that differ only in padding, case or unused trailing bits.
  const secret = key.ok ? encodeBase32(key.value.bytes) : account.secret
  return [secret, foldName(account.issuer), foldName(account.label)].join('\u0000')
}

export function findDuplicates(incoming: readonly Comparable[], existing: readonly KnownAccount[]): DuplicateReport {
  const known = new Map<string, string>()
  for (const account of existing) {
    const key = duplicateKey(account)
    if (!known.has(key)) known.set(key, account.id)
  }
  const firstSeen = new Map<string, number>()
  const report = { existing: [] as { index: number; existingId: string }[], repeated: [] as { index: number; firstIndex: number }[], fresh: [] as number[] }
  incoming.forEach((account, index) => {
    const key = duplicateKey(account)
    const existingId = known.get(key)
    const firstIndex = firstSeen.get(key)
    if (existingId !== undefined) report.existing.push({ index, existingId })
    else if (firstIndex !== undefined) report.repeated.push({ index, firstIndex })
    else report.fresh.push(index)
    if (firstIndex === undefined) firstSeen.set(key, index)
  })
  return report
}

/** `incoming` against the accounts whose key is loaded (`keyOf`). */
export function duplicatesAmong(incoming: readonly Comparable[], accounts: readonly AccountSummary[], keyOf: (id: string) => Uint8Array | undefined): DuplicateReport {
  const existing = accounts.flatMap((a) => {
    const key = keyOf(a.id)
    return key ? [{ id: a.id, issuer: a.issuer, label: a.label, secret: encodeBase32(key) }] : []
  })
  return findDuplicates(incoming, existing)
}

/** Unicode NFC, trimmed, lower-cased without the user's locale (so "I" is "i" everywhere). */
function foldName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}
