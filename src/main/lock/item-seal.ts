import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from '../transfer/aes-gcm'
import { KEY_ID_PATTERN, wipe, type VaultKey } from './vault-key'

/*
 * One keychain item while the app lock is on
 * ==========================================
 *
 *   sglock:1:<key id>:<base64url of nonce ‖ ciphertext ‖ tag>
 *
 * AES-256-GCM (NIST SP 800-38D) under the vault key named by <key id>, with a
 * fresh random 96-bit nonce per write and a 128-bit tag. Additional
 * authenticated data: "sellerguard-item:1:<key id>:<account id>", so an
 * item moved to another account's name, or relabelled with another key id,
 * fails to open. The plaintext is the secret's UTF-8 bytes padded to a
 * multiple of 64 bytes (0x80 then zeros, ISO/IEC 7816-4), so the item's
 * length does not tell a 16-character key from a 52-character one.
 *
 * Anything that does not start with "sglock:" is a plain item: what
 * SellerGuard stores with the lock off. Every item says for itself how it
 * is protected, which is what makes a change of protection resumable after
 * a crash at any point (see rewrap.ts).
 */

const PREFIX = 'sglock:1:'
const PAD_BLOCK = 64
const SEALED = /^sglock:1:([0-9a-f]{16}):([A-Za-z0-9_-]+)$/

/** How an item is stored: plain, or sealed under the vault key with this id. */
export type ItemProtection = Readonly<{ kind: 'plain' }> | Readonly<{ kind: 'sealed'; keyId: string }> | Readonly<{ kind: 'damaged' }>

export function protectionOf(stored: string): ItemProtection {
  if (!stored.startsWith('sglock:')) return { kind: 'plain' }
  const match = SEALED.exec(stored)
  return match ? { kind: 'sealed', keyId: match[1]! } : { kind: 'damaged' }
}

const aad = (keyId: string, accountId: string) => new Uint8Array(Buffer.from(`sellerguard-item:1:${keyId}:${accountId}`, 'utf8'))

function pad(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8')
  const out = new Uint8Array(Math.ceil((bytes.length + 1) / PAD_BLOCK) * PAD_BLOCK)
  out.set(bytes)
  out[bytes.length] = 0x80
  wipe(bytes)
  return out
}

function unpad(bytes: Uint8Array): string | null {
  let end = bytes.length - 1
  while (end >= 0 && bytes[end] === 0) end--
  if (end < 0 || bytes[end] !== 0x80) return null
  return Buffer.from(bytes.subarray(0, end)).toString('utf8')
}

/** The stored text of `secret` for `accountId`, sealed under `key`. */
export function sealItem(key: VaultKey, accountId: string, secret: string): string {
  if (!KEY_ID_PATTERN.test(key.id)) throw new Error('a vault key id is 16 hex digits')
  const plaintext = pad(secret)
  const sealed = gcmSeal(key.bytes, plaintext, aad(key.id, accountId))
  wipe(plaintext)
  return `${PREFIX}${key.id}:${Buffer.concat([sealed.nonce, sealed.ciphertext, sealed.tag]).toString('base64url')}`
}

/**
 * The secret inside a stored item: itself when plain; opened with the key it
 * names when sealed; null when sealed under a key not given, or when the tag
 * check fails (damaged, or moved from another account's item).
 */
export function openItem(keyFor: (id: string) => VaultKey | undefined, accountId: string, stored: string): string | null {
  const protection = protectionOf(stored)
  if (protection.kind === 'plain') return stored
  if (protection.kind === 'damaged') return null
  const key = keyFor(protection.keyId)
  if (!key) return null
  const body = Buffer.from(stored.slice(PREFIX.length + 17), 'base64url')
  if (body.length < NONCE_BYTES + TAG_BYTES) return null
  const opened = gcmOpen(key.bytes, body.subarray(0, NONCE_BYTES), body.subarray(NONCE_BYTES, body.length - TAG_BYTES), body.subarray(body.length - TAG_BYTES), aad(key.id, accountId))
  if (!opened) return null
  const secret = unpad(opened)
  wipe(opened)
  return secret
}
