import { err, ok, type Result } from '../../shared/result'
import { gcmOpen } from './aes-gcm'
import { decodeBase64Loose, decodeHex } from './encoding'
import { arrayField, isObject, numberField, objectField, stringField, type JsonObject } from './json-read'
import { deriveScrypt, isValidScrypt, scryptMemory, type ScryptParams } from './kdf'
import type { ImportError } from './types'

/*
 * Opens an encrypted Aegis vault (beemdevelopment/Aegis docs/vault.md):
 * the vault's master key is stored once per "slot", wrapped with AES-256-GCM.
 * A password slot (type 1) derives the wrapping key with scrypt(password,
 * salt, n, r, p) → 32 bytes; the master key then opens `db` (base64) with the
 * nonce and tag in `header.params`. Biometric slots (type 2) need the phone's
 * keystore and cannot be used here.
 */

/** Aegis itself always writes N = 2^15, r = 8, p = 1; a file asking for far more is refused rather than run. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
const MAX_SCRYPT_WORK = 2 ** 22
/** Each password slot costs a scrypt run (~150 ms at Aegis's parameters); a vault has one or two. */
const MAX_SLOTS_TRIED = 4

type PasswordSlot = Readonly<{ key: Uint8Array; nonce: Uint8Array; tag: Uint8Array; salt: Uint8Array; scrypt: ScryptParams; repaired: boolean }>

/** Decrypts `doc.db` with the password; the result is the parsed vault content. */
export async function unlockAegisVault(doc: JsonObject, password: string): Promise<Result<unknown, ImportError>> {
  const header = objectField(doc, 'header') ?? {}
  const params = objectField(header, 'params') ?? {}
  const dbNonce = decodeHex(stringField(params, 'nonce') ?? '')
  const dbTag = decodeHex(stringField(params, 'tag') ?? '')
  const db = decodeBase64Loose(stringField(doc, 'db') ?? '')
  if (!dbNonce || !dbTag || !db) return err({ kind: 'bad-file', format: 'aegis', message: 'The Aegis vault is damaged: its encryption details cannot be read.' })

  const rawSlots = (arrayField(header, 'slots') ?? []).filter(isObject).filter((slot) => numberField(slot, 'type') === 1)
  if (rawSlots.length === 0) {
    return err({
      kind: 'unsupported-encryption',
      format: 'aegis',
      message: 'This Aegis vault has no password, only fingerprint unlock, which works only on the phone. In Aegis, set a password and export again.',
    })
  }
  const slots = rawSlots.slice(0, MAX_SLOTS_TRIED).map(readSlot).filter((slot): slot is PasswordSlot => slot !== null)
  if (slots.length === 0) return err({ kind: 'bad-file', format: 'aegis', message: 'The Aegis vault is damaged or uses unusual encryption settings, so it cannot be opened.' })

  for (const slot of slots) {
    const masterKey = await openSlot(slot, password)
    if (masterKey === null) continue
    const content = gcmOpen(masterKey, dbNonce, db, dbTag)
    if (content === null) return err({ kind: 'bad-file', format: 'aegis', message: 'The password is right, but the Aegis vault\'s contents are damaged.' })
    const text = Buffer.from(content).toString('utf8')
    try {
      return ok(JSON.parse(text) as unknown)
    } catch {
      return err({ kind: 'bad-file', format: 'aegis', message: 'The Aegis vault opened, but its contents are not valid.' })
    }
  }
  return err({ kind: 'wrong-password', format: 'aegis', message: 'The password is wrong: it does not unlock this Aegis vault.' })
}

function readSlot(slot: JsonObject): PasswordSlot | null {
  const keyParams = objectField(slot, 'key_params') ?? {}
  const key = decodeHex(stringField(slot, 'key') ?? '')
  const nonce = decodeHex(stringField(keyParams, 'nonce') ?? '')
  const tag = decodeHex(stringField(keyParams, 'tag') ?? '')
  const salt = decodeHex(stringField(slot, 'salt') ?? '')
  const scrypt = { N: numberField(slot, 'n') ?? 0, r: numberField(slot, 'r') ?? 0, p: numberField(slot, 'p') ?? 0 }
  if (!key || !nonce || !tag || !salt || salt.length === 0 || !isValidScrypt(scrypt)) return null
  if (scryptMemory(scrypt) > MAX_SCRYPT_MEMORY || scrypt.N * scrypt.r * scrypt.p > MAX_SCRYPT_WORK) return null
  return { key, nonce, tag, salt, scrypt, repaired: slot.repaired === true }
}

async function openSlot(slot: PasswordSlot, password: string): Promise<Uint8Array | null> {
  for (const candidate of passwordBytes(password, slot.repaired)) {
    const wrappingKey = await deriveScrypt(candidate, slot.salt, slot.scrypt)
    const masterKey = wrappingKey && gcmOpen(wrappingKey, slot.nonce, slot.key, slot.tag)
    if (masterKey) return masterKey
  }
  return null
}

/**
 * The password as bytes: UTF-8, and for slots not marked `repaired`, also as
 * Aegis before 2019 produced them (Aegis issue #95): Java's
 * `Charset.encode(...).array()` returns the encoder's whole buffer, whose
 * size starts at ⌊1.1·length⌋ (UTF-8's average bytes per char, as a float)
 * and grows as 2n + 1, so the bytes carry trailing zeros.
 * Aegis's CryptoUtils.toBytesOld and PasswordSlot's `repaired` flag.
 */
export function passwordBytes(password: string, repaired: boolean): Uint8Array[] {
  const utf8 = new Uint8Array(Buffer.from(password, 'utf8'))
  if (repaired) return [utf8]
  let capacity = Math.floor(Math.fround(password.length * Math.fround(1.1)))
  while (capacity < utf8.length) capacity = 2 * capacity + 1
  if (capacity === utf8.length) return [utf8]
  const legacy = new Uint8Array(capacity)
  legacy.set(utf8)
  return [utf8, legacy]
}
