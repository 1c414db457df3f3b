import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/*
 * AES-256-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, as
 * Aegis, 2FAS and our own backups use it. Opening returns `null` on any
 * failure: GCM cannot tell a wrong key from damaged data, and neither can we.
 */

export const KEY_BYTES = 32
export const NONCE_BYTES = 12
export const TAG_BYTES = 16

export type Sealed = Readonly<{ nonce: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array }>

/**
 * Encrypts, by default with a fresh random nonce. A caller passing its own
 * nonce must draw it at random too: a key must never see the same nonce twice.
 */
export function gcmSeal(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array, nonce: Uint8Array = new Uint8Array(randomBytes(NONCE_BYTES))): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
  if (aad) cipher.setAAD(aad)
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]))
  return { nonce, ciphertext, tag: new Uint8Array(cipher.getAuthTag()) }
}

/**
 * Decrypts and checks the tag. `nonce` may be of any length from 8 to 64
 * bytes (GCM allows other lengths than 12; some apps use them), the key must
 * be 32 bytes and the tag 16; anything else, or a tag that does not match, gives `null`.
 */
export function gcmOpen(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad?: Uint8Array): Uint8Array | null {
  if (key.length !== KEY_BYTES || tag.length !== TAG_BYTES || nonce.length < 8 || nonce.length > 64) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
    decipher.setAuthTag(tag)
    if (aad) decipher.setAAD(aad)
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]))
  } catch {
    return null
  }
}
