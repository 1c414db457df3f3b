import { randomBytes } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from './aes-gcm'
import { emptyPassword, invalidContents, kdfError, unbackable, wrongPasswordOrDamaged, type BackupError } from './backup-errors'
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFile, BackupPayload, DEFAULT_SCRYPT, type BackupHeader } from './backup-schema'
import { canonicalJson } from './canonical-json'
import { decodeBase64, encodeBase64 } from './encoding'
import { isObject, parseJson } from './json-read'
import { deriveScrypt, type ScryptParams } from './kdf'

/*
 * SellerGuard encrypted backup, format version 1
 * ==============================================
 *
 * A UTF-8 JSON file (suggested extension .sgbackup), for example:
 *
 *   {
 *     "format": "sellerguard-backup",
 *     "version": 1,
 *     "createdAt": "2026-05-01T12:00:00.000Z",
 *     "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "<base64, 32 bytes>" },
 *     "cipher": { "name": "aes-256-gcm", "nonce": "<base64, 12 bytes>" },
 *     "ciphertext": "<base64: AES-256-GCM ciphertext, then its 16-byte tag>"
 *   }
 *
 * Fields (all required, no others allowed in version 1):
 *   format      always "sellerguard-backup": how a reader knows what the file is.
 *   version     1. A reader refuses a higher version rather than guess at it.
 *   createdAt   ISO 8601 UTC time the backup was made (shown before unlocking).
 *   kdf         scrypt (RFC 7914) of the password, Unicode NFC-normalised and
 *               UTF-8 encoded (as RFC 8265's OpaqueString prepares passwords, so
 *               "é" typed on macOS and on Windows is the same password), with
 *               this salt, N, r and p, to a 32-byte key. Salt: 32 random bytes per backup.
 *   cipher      AES-256-GCM (NIST SP 800-38D), 96-bit random nonce, 128-bit tag.
 *   ciphertext  the encrypted payload, tag appended. base64 (RFC 4648 section 4,
 *               padded); readers accept only the canonical spelling.
 *
 * Additional authenticated data: the header, i.e. the whole object except
 * `ciphertext`, serialised canonically (keys sorted by UTF-16 code units, no
 * whitespace, as RFC 8785 does for strings and integers) and UTF-8 encoded.
 * So a change to any header field (cheaper KDF parameters, another nonce, the
 * date) fails authentication just as a change to the ciphertext does.
 *
 * Payload (the plaintext, UTF-8 JSON; schema `BackupPayload` in backup-schema.ts):
 *   { "accounts": [ { id, type, issuer, label, algorithm, digits, period, counter,
 *                     secret (canonical base32), group, kind, order, createdAt, updatedAt? } ],
 *     "checklist": <optional, the checklist service's data>,
 *     "settings":  <optional, the settings service's data> }
 *
 * KDF parameters: the default is N = 2^17, r = 8, p = 1 (128 MiB, ~0.65 s on
 * the 2-core machine this was measured on; see DEFAULT_SCRYPT). Readers refuse
 * parameters below N = 2^14, r = 8 (the scrypt paper's interactive setting),
 * as a tampered file could ask for a trivial KDF, and above 512 MiB or
 * N·r·p > 2^23, as a crafted file could otherwise tie up the app.
 *
 * A wrong password and a damaged file look the same to AES-GCM: both fail
 * the tag check, and nothing can tell which it was. The error says so.
 */

export type BackupOptions = Readonly<{
  /** scrypt cost; `DEFAULT_SCRYPT` unless given (tests use the minimum). */
  kdf?: ScryptParams
  /** ms since the epoch, for `createdAt`. */
  now?: () => number
}>

/** Largest backup text read: 10,000 accounts take well under 10 MiB. */
const MAX_BACKUP_CHARS = 64 * 1024 * 1024
const SALT_BYTES = 32

export { BackupPayload, type BackupAccount } from './backup-schema'
export type { BackupError } from './backup-errors'

/**
 * A key derived from a backup password with one salt and one scrypt cost.
 * Automatic backups derive it once and seal each new backup with it (a fresh
 * random nonce each time), so a backup costs no KDF run; every file still
 * names its salt and cost, so `decryptBackup` opens it from the password alone.
 */
export type BackupKey = Readonly<{ key: Uint8Array; salt: Uint8Array; kdf: ScryptParams }>

/** Derives a backup key from the password, with a new random salt unless one is given. */
export async function deriveBackupKey(password: string, kdf: ScryptParams = DEFAULT_SCRYPT, salt?: Uint8Array): Promise<Result<BackupKey, BackupError>> {
  if (password === '') return err(emptyPassword())
  const strength = kdfError(kdf)
  if (strength) return err(strength)
  const useSalt = salt ?? new Uint8Array(randomBytes(SALT_BYTES))
  const key = await deriveScrypt(password.normalize('NFC'), useSalt, kdf)
  if (key === null) return err({ kind: 'weak-parameters', message: 'The key could not be derived with these scrypt parameters.' })
  return ok({ key, salt: useSalt, kdf: { N: kdf.N, r: kdf.r, p: kdf.p } })
}

/** Encrypts the payload with the password into the text of a backup file. */
export async function encryptBackup(payload: BackupPayload, password: string, options: BackupOptions = {}): Promise<Result<string, BackupError>> {
  if (password === '') return err(emptyPassword())
  const checked = BackupPayload.safeParse(payload)
  if (!checked.success) return err(unbackable(payload, checked.error.issues[0]))
  const key = await deriveBackupKey(password, options.kdf ?? DEFAULT_SCRYPT)
  if (!key.ok) return key
  return sealBackup(checked.data, key.value, (options.now ?? Date.now)())
}

/** Encrypts the payload with a derived key; `createdAt` in ms since the epoch. */
export function sealBackup(payload: BackupPayload, key: BackupKey, createdAt: number): Result<string, BackupError> {
  const checked = BackupPayload.safeParse(payload)
  if (!checked.success) return err(unbackable(payload, checked.error.issues[0]))
  const plaintext = Buffer.from(JSON.stringify(checked.data), 'utf8')
  // The nonce is part of the header, and the header is the AAD: draw it first, then seal with it.
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES))
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(createdAt).toISOString(),
    kdf: { name: 'scrypt', N: key.kdf.N, r: key.kdf.r, p: key.kdf.p, salt: encodeBase64(key.salt) },
    cipher: { name: 'aes-256-gcm', nonce: encodeBase64(nonce) },
  }
  const sealed = gcmSeal(key.key, plaintext, headerBytes(header), nonce)
  const file: BackupFile = { ...header, ciphertext: encodeBase64(Buffer.concat([sealed.ciphertext, sealed.tag])) }
  return ok(`${JSON.stringify(file, null, 2)}\n`)
}

/** Reads a backup's header without the password (e.g. to show when it was made). */
export function readBackupHeader(text: string): Result<BackupFile, BackupError> {
  if (text.length > MAX_BACKUP_CHARS) return err({ kind: 'not-a-backup', message: 'The file is far too large to be a SellerGuard backup.' })
  const parsed = parseJson(text)
  if (!parsed.ok || !looksLikeBackup(parsed.value)) return err({ kind: 'not-a-backup', message: 'This is not a SellerGuard backup file.' })
  const version = parsed.value.version
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return err({ kind: 'unsupported-version', version, message: `This backup was made by a newer SellerGuard (backup format ${version}). Update SellerGuard to restore it.` })
  }
  const file = BackupFile.safeParse(parsed.value)
  if (!file.success) return err({ kind: 'not-a-backup', message: 'This SellerGuard backup is damaged: some of its fields are missing or changed.' })
  return ok(file.data)
}

/** Decrypts a backup file's text with its password; every failure is a typed error, never a throw. */
export async function decryptBackup(text: string, password: string): Promise<Result<BackupPayload, BackupError>> {
  if (password === '') return err(emptyPassword())
  const read = readSealed(text)
  if (!read.ok) return read
  const key = await deriveBackupKey(password, read.value.header.kdf, read.value.salt)
  return key.ok ? openSealed(read.value, key.value) : key
}

/**
 * Decrypts a backup with a key already derived (`deriveBackupKey`), without
 * running the KDF: for files sealed with that key. A file with another salt
 * or cost fails as a wrong password would.
 */
export function openBackup(text: string, key: BackupKey): Result<BackupPayload, BackupError> {
  const read = readSealed(text)
  if (!read.ok) return read
  const { kdf } = read.value.header
  const sameKey = Buffer.from(read.value.salt).equals(Buffer.from(key.salt)) && kdf.N === key.kdf.N && kdf.r === key.kdf.r && kdf.p === key.kdf.p
  return sameKey ? openSealed(read.value, key) : err(wrongPasswordOrDamaged())
}

type Sealed = Readonly<{ header: BackupHeader; salt: Uint8Array; nonce: Uint8Array; sealed: Uint8Array }>

function readSealed(text: string): Result<Sealed, BackupError> {
  const read = readBackupHeader(text)
  if (!read.ok) return read
  const { ciphertext: sealedText, ...header } = read.value
  const strength = kdfError(header.kdf)
  if (strength) return err(strength)
  const salt = decodeBase64(header.kdf.salt)
  const nonce = decodeBase64(header.cipher.nonce)
  const sealed = decodeBase64(sealedText)
  if (!salt || salt.length < 16 || salt.length > 64 || !nonce || nonce.length !== NONCE_BYTES || !sealed || sealed.length < TAG_BYTES) {
    return err({ kind: 'not-a-backup', message: 'This SellerGuard backup is damaged: its encryption details cannot be read.' })
  }
  return ok({ header, salt, nonce, sealed })
}

function openSealed({ header, nonce, sealed }: Sealed, key: BackupKey): Result<BackupPayload, BackupError> {
  const cut = sealed.length - TAG_BYTES
  const plaintext = gcmOpen(key.key, nonce, sealed.subarray(0, cut), sealed.subarray(cut), headerBytes(header))
  if (!plaintext) return err(wrongPasswordOrDamaged())
  const payload = parseJson(Buffer.from(plaintext).toString('utf8'))
  const checked = payload.ok ? BackupPayload.safeParse(payload.value) : null
  if (!checked?.success) return err(invalidContents('The backup opened, but its contents are not valid', checked?.error.issues[0]?.path))
  return ok(checked.data)
}

export function looksLikeBackup(doc: unknown): doc is Readonly<Record<string, unknown>> {
  return isObject(doc) && doc.format === BACKUP_FORMAT
}

function headerBytes(header: BackupHeader): Uint8Array {
  return new Uint8Array(Buffer.from(canonicalJson(header), 'utf8'))
}
