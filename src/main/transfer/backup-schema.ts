import { z } from 'zod'
import { AccountId, AccountKind, HashAlgorithm, OtpType } from '../../shared/contract/accounts'
import { MAX_ACCOUNTS_PER_REQUEST, MAX_DIGITS, MAX_GROUP_LENGTH, MAX_KEY_CHARS, MAX_NAME_LENGTH, MAX_PERIOD, MIN_KEY_CHARS, STEAM_DIGITS } from '../../shared/contract/limits'
import { type ScryptParams, isValidScrypt, scryptMemory } from './kdf'

/*
 * Schemas of SellerGuard's encrypted backup (format described in backup.ts).
 * A schema and its type share a name, as in the contract.
 */

export const BACKUP_FORMAT = 'sellerguard-backup'
export const BACKUP_VERSION = 1

/**
 * One account with its secret. The fields are the contract's `AccountSummary`
 * (which see for units), with the contract's limits, plus `secret`.
 */
export const BackupAccount = z
  .object({
    id: AccountId,
    type: OtpType,
    issuer: z.string().max(MAX_NAME_LENGTH),
    label: z.string().max(MAX_NAME_LENGTH),
    algorithm: HashAlgorithm,
    digits: z.number().int().min(STEAM_DIGITS).max(MAX_DIGITS),
    period: z.number().int().min(1).max(MAX_PERIOD),
    counter: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    /** Canonical base32 (`normaliseKey`), as long as add and import allow: a backup holds every key they accept. */
    secret: z.string().regex(new RegExp(`^[A-Z2-7]{${MIN_KEY_CHARS},${MAX_KEY_CHARS}}$`), `canonical base32 of ${MIN_KEY_CHARS} to ${MAX_KEY_CHARS} characters`),
    group: z.string().max(MAX_GROUP_LENGTH),
    kind: AccountKind,
    order: z.number().int(),
    /** ms since the epoch */
    createdAt: z.number().int(),
    /** ms since the epoch */
    updatedAt: z.number().int().optional(),
  })
  .strict()
export type BackupAccount = z.infer<typeof BackupAccount>

/**
 * An account and its key as a backup entry: only the fields version 1
 * names (the schema is strict, so an older SellerGuard can restore it).
 * What accounts gained since stays out; the region travels in the
 * backup's checklist part, as it always did.
 */
export function backupAccountOf(account: Omit<BackupAccount, 'secret'>, secret: string): BackupAccount {
  const { id, type, issuer, label, algorithm, digits, period, counter, group, kind, order, createdAt, updatedAt } = account
  return { id, type, issuer, label, algorithm, digits, period, counter, group, kind, order, createdAt, ...(updatedAt !== undefined ? { updatedAt } : {}), secret }
}

/** What a backup holds. `checklist` and `settings` belong to their own services, which validate them on restore. */
export const BackupPayload = z
  .object({
    accounts: z.array(BackupAccount).max(MAX_ACCOUNTS_PER_REQUEST),
    checklist: z.unknown().optional(),
    settings: z.unknown().optional(),
  })
  .strict()
export type BackupPayload = z.infer<typeof BackupPayload>

/** The file, version 1. Strict: an unknown field means a damaged or foreign file. */
export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    /** ISO 8601, UTC: when the backup was made. */
    createdAt: z.iso.datetime(),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string().max(200) }).strict(),
    cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: z.string().max(100) }).strict(),
    /** base64 of the AES-256-GCM ciphertext followed by its 16-byte tag. */
    ciphertext: z.string(),
  })
  .strict()
export type BackupFile = z.infer<typeof BackupFile>

/** Everything but the ciphertext: authenticated as GCM's additional data. */
export type BackupHeader = Omit<BackupFile, 'ciphertext'>

/*
 * scrypt cost. Measured here (2-core CI machine, Node 20, node:crypto scrypt,
 * 32-byte key, mean of 3): N=2^15 r=8 p=1 (32 MiB) ~145 ms; 2^16 ~285 ms;
 * 2^17 (128 MiB) ~640 ms; 2^18 (256 MiB) ~940 ms.
 * Default 2^17, 8, 1: ~0.65 s and 128 MiB per unlock, the most that stays
 * well under a second on this machine, 4× Aegis's cost (2^15) and 8× the
 * scrypt paper's interactive-login setting (2^14, 8, 1; Percival 2009, section 7).
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 }

/** The least we accept: the scrypt paper's interactive setting, N = 2^14, r = 8 (16 MiB). */
export const MIN_SCRYPT_N = 2 ** 14
export const MIN_SCRYPT_R = 8
/**
 * The most we run, so a crafted file cannot exhaust memory or hang the app:
 * 512 MiB (N = 2^19 at r = 8) and N·r·p ≤ 2^23, about 4–5 s here.
 */
export const MAX_SCRYPT_MEMORY = 512 * 1024 * 1024
export const MAX_SCRYPT_WORK = 2 ** 23

export type KdfCheck = 'ok' | 'too-weak' | 'too-costly' | 'invalid'

export function checkScrypt(params: ScryptParams): KdfCheck {
  if (!isValidScrypt(params) || params.r > 32 || params.p > 16) return 'invalid'
  if (params.N < MIN_SCRYPT_N || params.r < MIN_SCRYPT_R) return 'too-weak'
  if (scryptMemory(params) > MAX_SCRYPT_MEMORY || params.N * params.r * params.p > MAX_SCRYPT_WORK) return 'too-costly'
  return 'ok'
}
