import { randomBytes } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from './aes-gcm'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFile,
  BackupPayload,
  checkScrypt,
  DEFAULT_SCRYPT,
  MAX_SCRYPT_MEMORY,
  MAX_SCRYPT_WORK,
  MIN_SCRYPT_N,
  MIN_SCRYPT_R,
  type BackupHeader,
} from './backup-schema'
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

export type BackupError =
  | Readonly<{ kind: 'empty-password'; message: string }>
  | Readonly<{ kind: 'not-a-backup'; message: string }>
  | Readonly<{ kind: 'unsupported-version'; version: number; message: string }>
  | Readonly<{ kind: 'weak-parameters'; message: string }>
  /** AES-GCM's tag check failed: the password is wrong or the file was changed; GCM cannot tell which. */
  | Readonly<{ kind: 'wrong-password-or-damaged'; message: string }>
  /** The payload to write, or the one read, does not match `BackupPayload`. */
  | Readonly<{ kind: 'invalid-contents'; message: string }>

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

/** Encrypts the payload with the password into the text of a backup file. */
export async function encryptBackup(payload: BackupPayload, password: string, options: BackupOptions = {}): Promise<Result<string, BackupError>> {
  if (password === '') return err(emptyPassword())
  const checked = BackupPayload.safeParse(payload)
  if (!checked.success) return err(invalidContents('The accounts to back up are not valid', checked.error.issues[0]?.path))
  const params = options.kdf ?? DEFAULT_SCRYPT
  const strength = kdfError(params)
  if (strength) return err(strength)

  const salt = new Uint8Array(randomBytes(SALT_BYTES))
  const key = await deriveScrypt(password.normalize('NFC'), salt, params)
  if (key === null) return err({ kind: 'weak-parameters', message: 'The key could not be derived with these scrypt parameters.' })
  const plaintext = Buffer.from(JSON.stringify(checked.data), 'utf8')
  // The nonce is part of the header, and the header is the AAD: draw it first, then seal with it.
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES))
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date((options.now ?? Date.now)()).toISOString(),
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: encodeBase64(salt) },
    cipher: { name: 'aes-256-gcm', nonce: encodeBase64(nonce) },
  }
  const sealed = gcmSeal(key, plaintext, headerBytes(header), nonce)
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

/** Decrypts a backup file's text; every failure is a typed error, never a throw. */
export async function decryptBackup(text: string, password: string): Promise<Result<BackupPayload, BackupError>> {
  if (password === '') return err(emptyPassword())
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

  const key = await deriveScrypt(password.normalize('NFC'), salt, header.kdf)
  const cut = sealed.length - TAG_BYTES
  const plaintext = key && gcmOpen(key, nonce, sealed.subarray(0, cut), sealed.subarray(cut), headerBytes(header))
  if (!plaintext) {
    return err({
      kind: 'wrong-password-or-damaged',
      message: 'The backup could not be opened: either the password is wrong or the file has been changed or damaged. The encryption cannot tell these apart. Check the password first.',
    })
  }
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

function kdfError(params: ScryptParams): BackupError | null {
  switch (checkScrypt(params)) {
    case 'ok':
      return null
    case 'too-weak':
      return { kind: 'weak-parameters', message: `The backup's password protection is too weak (scrypt N=${params.N}, r=${params.r}; at least N=${MIN_SCRYPT_N}, r=${MIN_SCRYPT_R} is required). It may have been tampered with.` }
    case 'too-costly':
      return {
        kind: 'weak-parameters',
        message: `The backup asks for an unreasonable amount of work to unlock (more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB or N·r·p above ${MAX_SCRYPT_WORK}); it was not made by SellerGuard or has been tampered with.`,
      }
    case 'invalid':
      return { kind: 'weak-parameters', message: 'The backup\'s password protection settings are invalid (scrypt N must be a power of two, r and p small positive whole numbers).' }
  }
}

function emptyPassword(): BackupError {
  return { kind: 'empty-password', message: 'Enter a password: a backup is always encrypted.' }
}

function invalidContents(what: string, path: readonly PropertyKey[] | undefined): BackupError {
  const where = path && path.length > 0 ? ` (at ${path.map(String).join('.')})` : ''
  return { kind: 'invalid-contents', message: `${what}${where}.` }
}
