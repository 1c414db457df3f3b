import { createDecipheriv } from 'node:crypto'
import { err, ok, type Result } from '../../../shared/result'
import { gcmOpen, TAG_BYTES } from '../aes-gcm'
import { inThreadWork } from '../crypto-work'
import { decodeText } from '../encoding'
import { derivePbkdf2 } from '../kdf'
import { isObject, parseJson } from '../json-read'
import type { ImportError, ImportOptions, ImportResult } from '../types'
import { importAuthenticatorPro } from './authenticator-pro'

/*
 * Authenticator Pro's encrypted backups (jamie-mh/AuthenticatorPro v1.0.2,
 * Stratum.Core/src/Backup/Encryption/):
 *   StrongBackupEncryption: "AUTHENTICATORPRO" ‖ 16-byte salt ‖ 12-byte IV ‖
 *     AES-256-GCM ciphertext ‖ 16-byte tag; key = Argon2id(UTF-8 password,
 *     salt, parallelism 4, 3 passes, 64 MiB). What the app writes today
 *     (Activity/MainActivity.cs BackupToFile, AutoBackupWorker.cs).
 *   LegacyBackupEncryption: "AuthenticatorPro" ‖ 20-byte salt ‖ 16-byte IV ‖
 *     AES-256-CBC with PKCS#7 padding; key = PBKDF2-HMAC-SHA1(password, salt,
 *     64,000, 256 bits). No longer written, still restored by the app, so old
 *     backups are read here too.
 * The strong format's Argon2 runs on the transfer worker (options.work).
 */

const STRONG = 'AUTHENTICATORPRO'
const LEGACY = 'AuthenticatorPro'

export type AuthenticatorProLayout = 'strong' | 'legacy'

export function authenticatorProLayout(bytes: Uint8Array): AuthenticatorProLayout | null {
  const header = Buffer.from(bytes.subarray(0, 16)).toString('latin1')
  return header === STRONG ? 'strong' : header === LEGACY ? 'legacy' : null
}

export async function importEncryptedAuthenticatorPro(bytes: Uint8Array, layout: AuthenticatorProLayout, options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  if (!options.password) return err({ kind: 'password-required', format: 'authenticator-pro', message: 'This Authenticator Pro backup is encrypted. Enter the password you chose when making it.' })
  const plain = layout === 'strong' ? await openStrong(bytes, options.password, options) : await openLegacy(bytes, options.password)
  if (!plain.ok) return plain
  const parsed = parseJson(decodeText(plain.value) ?? '')
  if (!parsed.ok || !isObject(parsed.value)) return err(damaged('the password is right, but its contents are not valid'))
  return ok(importAuthenticatorPro(parsed.value))
}

async function openStrong(bytes: Uint8Array, password: string, options: ImportOptions): Promise<Result<Uint8Array, ImportError>> {
  const salt = bytes.subarray(16, 32)
  const iv = bytes.subarray(32, 44)
  const sealed = bytes.subarray(44)
  if (sealed.length < TAG_BYTES + 2) return err(damaged('it is cut short'))
  const work = options.work ?? inThreadWork
  const key = await work.run(
    { kind: 'argon2', variant: 'argon2id', password: new Uint8Array(Buffer.from(password, 'utf8')), salt, iterations: 3, memoryKiB: 64 * 1024, parallelism: 4, length: 32 },
    { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) },
  )
  const plain = gcmOpen(key, iv, sealed.subarray(0, sealed.length - TAG_BYTES), sealed.subarray(sealed.length - TAG_BYTES))
  return plain === null ? err(wrongPassword('or the file was changed after Authenticator Pro wrote it')) : ok(plain)
}

async function openLegacy(bytes: Uint8Array, password: string): Promise<Result<Uint8Array, ImportError>> {
  const salt = bytes.subarray(16, 36)
  const iv = bytes.subarray(36, 52)
  const data = bytes.subarray(52)
  if (data.length === 0 || data.length % 16 !== 0) return err(damaged('it is cut short'))
  const key = await derivePbkdf2(password, salt, 64_000, 'sha1')
  if (key === null) return err(damaged('its encryption details cannot be read'))
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv)
    return ok(new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()])))
  } catch {
    // CBC has no tag: a bad padding is what a wrong key almost always gives.
    return err(wrongPassword('or the file is damaged'))
  }
}

function wrongPassword(orWhat: string): ImportError {
  return { kind: 'wrong-password', format: 'authenticator-pro', message: `The password is wrong: it does not open this Authenticator Pro backup (${orWhat}).` }
}

function damaged(why: string): ImportError {
  return { kind: 'bad-file', format: 'authenticator-pro', message: `The Authenticator Pro backup is damaged: ${why}.` }
}
