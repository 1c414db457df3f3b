import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from '../transfer/aes-gcm'
import { checkScrypt, DEFAULT_SCRYPT } from '../transfer/backup-schema'
import { canonicalJson } from '../transfer/canonical-json'
import { decodeBase64, encodeBase64 } from '../transfer/encoding'
import { deriveScrypt, type ScryptParams } from '../transfer/kdf'
import { KEY_ID_PATTERN, VAULT_KEY_BYTES, wipe, type VaultKey } from './vault-key'

/*
 * A password slot: vault keys wrapped by a key derived from the app password.
 *
 *   { "kdf":    { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "<base64, 32 bytes>" },
 *     "cipher": { "name": "aes-256-gcm", "nonce": "<base64, 12 bytes>" },
 *     "keys":   ["<key id>", …],
 *     "sealed": "<base64: the keys' 32 bytes each, in that order, encrypted; then the 16-byte tag>" }
 *
 * The key-encryption key is scrypt (RFC 7914) of the password, NFC-normalised
 * and UTF-8 encoded as backups do it, with the slot's own random salt.
 * The header (everything but `sealed`, plus a format name and version) is
 * serialised canonically (canonical-json.ts) and authenticated as GCM's
 * additional data: cheaper scrypt parameters, another salt or another list
 * of key ids all fail the tag check, as a wrong password does.
 *
 * Cost: at least the encrypted backup's (DEFAULT_SCRYPT, N = 2^17, r = 8,
 * p = 1: ~0.65 s and 128 MiB here). A slot asking for less work than
 * `minimum` is refused before any scrypt runs, and one asking for more than
 * backups allow (512 MiB) is refused too.
 */

export const SLOT_FORMAT = 'sellerguard-lock-slot'
export const SLOT_VERSION = 1
const SALT_BYTES = 32

export const PasswordSlot = z
  .object({
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string().max(100) }).strict(),
    cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: z.string().max(40) }).strict(),
    keys: z.array(z.string().regex(KEY_ID_PATTERN)).min(1).max(8),
    sealed: z.string().max(2000),
  })
  .strict()
export type PasswordSlot = z.infer<typeof PasswordSlot>

/** A key derived from the password with one salt: kept only while one change of protection writes its slots, then wiped. */
export type SlotKey = Readonly<{ kek: Uint8Array; salt: Uint8Array; kdf: ScryptParams }>

export type SlotCost = Readonly<{
  /** What new slots use; DEFAULT_SCRYPT unless a test asks for less. */
  kdf?: ScryptParams
  /** The least a slot may ask for when opened: DEFAULT_SCRYPT unless a test asks for less. */
  minimum?: ScryptParams
}>

const work = (p: ScryptParams) => p.N * p.r * p.p

/** Whether `params` is at least `minimum` and within what backups accept. */
export function acceptableCost(params: ScryptParams, minimum: ScryptParams = DEFAULT_SCRYPT): boolean {
  return checkScrypt(params) === 'ok' && params.N >= minimum.N && params.r >= minimum.r && work(params) >= work(minimum)
}

export async function deriveSlotKey(password: string, cost: SlotCost = {}, salt?: Uint8Array): Promise<SlotKey | null> {
  const kdf = cost.kdf ?? DEFAULT_SCRYPT
  if (!acceptableCost(kdf, cost.minimum)) return null
  const useSalt = salt ?? new Uint8Array(randomBytes(SALT_BYTES))
  const kek = await deriveScrypt(password.normalize('NFC'), useSalt, kdf)
  return kek ? { kek, salt: useSalt, kdf: { N: kdf.N, r: kdf.r, p: kdf.p } } : null
}

type SlotHeader = Omit<PasswordSlot, 'sealed'>
const headerBytes = (header: SlotHeader) => new Uint8Array(Buffer.from(canonicalJson({ format: SLOT_FORMAT, version: SLOT_VERSION, ...header }), 'utf8'))

/** Wraps `keys` (in this order) under a derived key, with a fresh nonce. */
export function sealSlot(slotKey: SlotKey, keys: readonly VaultKey[]): PasswordSlot {
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES))
  const header: SlotHeader = {
    kdf: { name: 'scrypt', N: slotKey.kdf.N, r: slotKey.kdf.r, p: slotKey.kdf.p, salt: encodeBase64(slotKey.salt) },
    cipher: { name: 'aes-256-gcm', nonce: encodeBase64(nonce) },
    keys: keys.map((k) => k.id),
  }
  const plaintext = new Uint8Array(Buffer.concat(keys.map((k) => k.bytes)))
  const sealed = gcmSeal(slotKey.kek, plaintext, headerBytes(header), nonce)
  wipe(plaintext)
  return { ...header, sealed: encodeBase64(Buffer.concat([sealed.ciphertext, sealed.tag])) }
}

export type SlotOpening = Readonly<{ keys: VaultKey[]; slotKey: SlotKey }> | null

/**
 * The vault keys in `slot` with this password, and the derived key (so one
 * change of protection can write its slots with one scrypt run; the caller
 * wipes it). null for a wrong password, a damaged or altered slot, or one
 * asking for less work than `cost.minimum` (checked before scrypt runs).
 */
export async function openSlot(slot: PasswordSlot, password: string, cost: SlotCost = {}): Promise<SlotOpening> {
  const { kdf, cipher, keys } = slot
  const params = { N: kdf.N, r: kdf.r, p: kdf.p }
  const salt = decodeBase64(kdf.salt)
  const nonce = decodeBase64(cipher.nonce)
  const body = decodeBase64(slot.sealed)
  if (!acceptableCost(params, cost.minimum) || !salt || salt.length < 16 || !nonce || nonce.length !== NONCE_BYTES || !body || body.length !== keys.length * VAULT_KEY_BYTES + TAG_BYTES) return null
  const slotKey = await deriveSlotKey(password, { kdf: params, ...(cost.minimum ? { minimum: cost.minimum } : {}) }, salt)
  if (!slotKey) return null
  const { sealed: _sealed, ...header } = slot
  const cut = body.length - TAG_BYTES
  const opened = gcmOpen(slotKey.kek, nonce, body.subarray(0, cut), body.subarray(cut), headerBytes(header))
  if (!opened) {
    wipe(slotKey.kek)
    return null
  }
  const vaultKeys = keys.map((id, i) => ({ id, bytes: opened.slice(i * VAULT_KEY_BYTES, (i + 1) * VAULT_KEY_BYTES) }))
  wipe(opened)
  return { keys: vaultKeys, slotKey }
}
