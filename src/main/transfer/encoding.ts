/*
 * Strict byte decoders. Node's `Buffer.from(text, 'base64' | 'hex')` skips
 * characters it does not understand and ignores stray bits, so a damaged file
 * could decode to different bytes without any error. These refuse instead.
 */

const HEX = /^(?:[0-9a-fA-F]{2})*$/

/**
 * RFC 4648 section 4 base64, with padding, in canonical form only (the unused
 * low bits of the last character must be zero), so each byte string has exactly
 * one accepted text. `null` for anything else.
 *
 * Node's encoder writes only that canonical form, so a text is accepted
 * exactly when re-encoding what Node read from it gives the text back: any
 * character Node skipped (a space, `-`, a stray `=`), wrong padding or stray
 * bits make a different text. No pattern is matched first: on the base64 of a
 * 1,000-account file (a renderer's import) a regular expression took 5–30 ms
 * of the main thread; the round trip takes under 1–5.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const bytes = Buffer.from(text, 'base64')
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null
}

/**
 * Base64 as other apps write it: standard or URL-safe alphabet (RFC 4648
 * sections 4 and 5), padding optional, and `\/` already unescaped by JSON.
 */
export function decodeBase64Loose(text: string): Uint8Array | null {
  const standard = text.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(standard) || standard.length % 4 === 1) return null
  return new Uint8Array(Buffer.from(standard, 'base64'))
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

/** Hexadecimal, either case; `null` for anything else. */
export function decodeHex(text: string): Uint8Array | null {
  return HEX.test(text) ? new Uint8Array(Buffer.from(text, 'hex')) : null
}

export function encodeHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * File bytes to text: UTF-8, or UTF-16 when the file starts with its
 * byte-order mark (Windows Notepad's "Unicode"); the mark is dropped.
 * `null` when the bytes are not valid text in that encoding.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  try {
    return utf16 ? new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes) : utf8.decode(bytes)
  } catch {
    return null
  }
}
