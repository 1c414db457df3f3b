import { err, ok, type Result } from '../../shared/result'
import { gcmOpen, TAG_BYTES } from './aes-gcm'
import { decodeBase64Loose, encodeHex } from './encoding'
import { derivePbkdf2 } from './kdf'
import type { ImportError } from './types'

/*
 * 2FAS encrypted backups (twofas/2fas-android core/cipher BackupCipherImpl.kt
 * and BackupKeyGeneratorPbkdf.kt; twofas/2fas-ios Protection/ExchangeFileEncryption.swift):
 *   servicesEncrypted = base64(ciphertext ‖ GCM tag) ":" base64(salt) ":" base64(iv)
 * with the key from PBKDF2-HMAC-SHA256, 10,000 iterations, 256 bits, and
 * AES-GCM. `reference` is a fixed text sealed the same way; the apps decrypt
 * it first to tell a wrong password from a damaged file.
 */

/** PBKDF2 iterations 2FAS uses (BackupKeyGeneratorPbkdf.kt). */
export const TWOFAS_ITERATIONS = 10_000

type Sealed = Readonly<{ data: Uint8Array; salt: Uint8Array; iv: Uint8Array }>

function readSealed(text: string): Sealed | null {
  const parts = text.split(':')
  if (parts.length !== 3) return null
  const [data, salt, iv] = parts.map((part) => decodeBase64Loose(part))
  if (!data || !salt || !iv || data.length < TAG_BYTES || salt.length === 0 || salt.length > 1024) return null
  return { data, salt, iv }
}

/** Decrypts `servicesEncrypted` into the services JSON value. */
export async function decrypt2fasServices(servicesEncrypted: string, reference: string | undefined, password: string): Promise<Result<unknown, ImportError>> {
  const services = readSealed(servicesEncrypted)
  if (services === null) return err({ kind: 'bad-file', format: '2fas', message: 'The 2FAS backup is damaged: its encrypted part cannot be read.' })

  // Both parts normally share one salt: derive each distinct key once.
  const keys = new Map<string, Promise<Uint8Array | null>>()
  const keyFor = (salt: Uint8Array): Promise<Uint8Array | null> => {
    const id = encodeHex(salt)
    const known = keys.get(id) ?? derivePbkdf2(password, salt, TWOFAS_ITERATIONS)
    keys.set(id, known)
    return known
  }
  const open = async (sealed: Sealed): Promise<Uint8Array | null> => {
    const key = await keyFor(sealed.salt)
    const cut = sealed.data.length - TAG_BYTES
    return key && gcmOpen(key, sealed.iv, sealed.data.subarray(0, cut), sealed.data.subarray(cut))
  }

  const referenceSealed = reference === undefined ? null : readSealed(reference)
  const passwordChecked = referenceSealed !== null && (await open(referenceSealed)) !== null
  if (referenceSealed !== null && !passwordChecked) return err(wrongPassword())
  const plain = await open(services)
  if (plain === null) {
    return err(passwordChecked ? { kind: 'bad-file', format: '2fas', message: 'The password is right, but the 2FAS backup\'s contents are damaged.' } : wrongPassword())
  }
  try {
    return ok(JSON.parse(Buffer.from(plain).toString('utf8')) as unknown)
  } catch {
    return err({ kind: 'bad-file', format: '2fas', message: 'The 2FAS backup opened, but its contents are not valid.' })
  }
}

function wrongPassword(): ImportError {
  return { kind: 'wrong-password', format: '2fas', message: 'The password is wrong: it does not open this 2FAS backup.' }
}
