import type { AccountSummary } from '../../shared/contract'
import { encodeBase32, normaliseKey } from '../otp/base32'
import { mapInSlices } from '../core/slices'

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
  return matchKeys(incoming.map(duplicateKey), existing, existing.map(duplicateKey))
}

/**
 * The same, with the comparison keys made a slice of accounts at a time:
 * decoding and re-encoding 1,000 keys is ~20 ms of work (far more on a busy
 * machine), which would stop the code frames.
 */
export async function findDuplicatesInSlices(incoming: readonly Comparable[], existing: readonly KnownAccount[]): Promise<DuplicateReport> {
  return matchKeys(await mapInSlices(incoming, duplicateKey), existing, await mapInSlices(existing, duplicateKey))
}

function matchKeys(incomingKeys: readonly string[], existing: readonly KnownAccount[], existingKeys: readonly string[]): DuplicateReport {
  const known = new Map<string, string>()
  existing.forEach((account, i) => {
    if (!known.has(existingKeys[i]!)) known.set(existingKeys[i]!, account.id)
  })
  const firstSeen = new Map<string, number>()
  const report = { existing: [] as { index: number; existingId: string }[], repeated: [] as { index: number; firstIndex: number }[], fresh: [] as number[] }
  incomingKeys.forEach((key, index) => {
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
export function duplicatesAmong(incoming: readonly Comparable[], accounts: readonly AccountSummary[], keyOf: (id: string) => Uint8Array | undefined): Promise<DuplicateReport> {
  const existing = accounts.flatMap((a) => {
    const key = keyOf(a.id)
    return key ? [{ id: a.id, issuer: a.issuer, label: a.label, secret: encodeBase32(key) }] : []
  })
  return findDuplicatesInSlices(incoming, existing)
}

/** Unicode NFC, trimmed, lower-cased without the user's locale (so "I" is "i" everywhere). */
function foldName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}
