import { MAX_KEY_CHARS, MIN_KEY_CHARS } from '../../shared/contract/limits'
import { err, ok, type Result } from '../../shared/result'

/** RFC 4648 section 6: the base32 alphabet. */
export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export { MAX_KEY_CHARS, MIN_KEY_CHARS } from '../../shared/contract/limits'

/** A key as it is stored: canonical base32 and the raw bytes it stands for. */
export type NormalisedKey = Readonly<{
  /** Upper case, no separators, no `=` padding. */
  base32: string
  bytes: Uint8Array
}>

/**
 * Why pasted key text was refused. `position` is the 0-based UTF-16 index of
 * the first problem in the text as the user pasted it, so the UI can point at it.
 */
export type KeyError =
  | Readonly<{ kind: 'empty'; message: string; position: number }>
  | Readonly<{ kind: 'bad-character'; message: string; position: number; character: string }>
  | Readonly<{ kind: 'padding-in-middle'; message: string; position: number }>
  /** `position`: just after the last key character. */
  | Readonly<{ kind: 'too-short'; message: string; position: number; length: number; minimum: number }>
  /** `position`: just after the last key character. */
  | Readonly<{ kind: 'invalid-length'; message: string; position: number; length: number }>
  /** `position`: at the first character past the limit. */
  | Readonly<{ kind: 'too-long'; message: string; position: number; length: number; maximum: number }>

/** Value of each alphabet character by char code; -1 for anything else. */
const VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < BASE32_ALPHABET.length; i++) table[BASE32_ALPHABET.charCodeAt(i)] = i
  return table
})()

/**
 * Characters people and web pages put between key groups: ASCII and Unicode
 * spaces (no-break, thin, ideographic…), zero-width spaces and joiners, and
 * dashes. `\s` covers the Unicode space separators; the rest are listed.
 */
const SEPARATORS = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u200B\u200C\u200D\u2060'

function isSeparator(char: string): boolean {
  return /\s/.test(char) || SEPARATORS.includes(char)
}

/** Digits that are not in the alphabet, and the letter a reader probably saw. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '0': 'the letter O',
  '1': 'the letter I or L',
  '8': 'the letter B',
  '9': 'the letter G or Q',
}

/** RFC 4648 section 6: 5 bits per character, no `=` padding in the output. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32_ALPHABET[(buffer >>> bits) & 31]
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * Decodes canonical base32 (upper case, no separators or padding) such as
 * `NormalisedKey.base32` read back from storage. Leftover bits that do not
 * fill a byte are dropped (RFC 4648 section 6 lets decoders ignore them).
 * Throws on any other input: that is a bug, user text goes through `normaliseKey`.
 */
export function decodeBase32(base32: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((base32.length * 5) / 8))
  let buffer = 0
  let bits = 0
  let index = 0
  for (let i = 0; i < base32.length; i++) {
    const value = VALUES[base32.charCodeAt(i)] ?? -1
    if (value < 0) throw new RangeError(`not canonical base32 at ${i}`)
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes[index++] = (buffer >>> bits) & 0xff
    }
  }
  return bytes
}

/**
 * Turns what a user pastes into a key: Amazon's "Can't scan the barcode?"
 * text (52 characters in groups of four), any case, with spaces, dashes,
 * newlines, no-break spaces, and with or without trailing `=` padding.
 * Returns the first problem with its position in `text`; never throws.
 * `stored`: a key read back from the keychain, which keeps no upper limit
 * (an account accepted before the limit must keep its codes).
 */
export function normaliseKey(text: string, options: Readonly<{ stored?: boolean }> = {}): Result<NormalisedKey, KeyError> {
  let base32 = ''
  let end = 0
  let paddingAt = -1
  let pastLimit = -1
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (isSeparator(char)) continue
    if (char === '=') {
      if (paddingAt < 0) paddingAt = i
      continue
    }
    // RFC 4648 section 3.2: padding only ends the data; a character after it means two keys or a typo.
    if (paddingAt >= 0) return err(paddingInMiddle(paddingAt))
    const upper = char >= 'a' && char <= 'z' ? char.toUpperCase() : char
    if ((VALUES[upper.charCodeAt(0)] ?? -1) < 0) return err(badCharacter(text, i))
    base32 += upper
    if (base32.length === MAX_KEY_CHARS + 1) pastLimit = i
    end = i + 1
  }
  if (base32.length === 0) {
    return err({ kind: 'empty', position: 0, message: 'No key was entered. Paste the key the site shows under "Can\'t scan the barcode?".' })
  }
  if (base32.length < MIN_KEY_CHARS) {
    return err({
      kind: 'too-short',
      position: end,
      length: base32.length,
      minimum: MIN_KEY_CHARS,
      message: `The key has only ${base32.length} characters; a key has at least ${MIN_KEY_CHARS} (80 bits). Check that you copied all of it.`,
    })
  }
  // A key already in the keychain (from before the limit) still loads; new ones keep to it.
  if (pastLimit >= 0 && !options.stored) {
    return err({
      kind: 'too-long',
      position: pastLimit,
      length: base32.length,
      maximum: MAX_KEY_CHARS,
      message: `The key has ${base32.length} characters; SellerGuard accepts keys of at most ${MAX_KEY_CHARS}. Check that you copied only the key.`,
    })
  }
  // 5 bits per character: lengths of 1, 3 or 6 (mod 8) leave a character that cannot complete a byte (RFC 4648 section 6).
  const rest = base32.length % 8
  if (rest === 1 || rest === 3 || rest === 6) {
    return err({
      kind: 'invalid-length',
      position: end,
      length: base32.length,
      message: `The key has ${base32.length} characters, which cannot be a whole key: a character is probably missing or doubled. Compare it with the site.`,
    })
  }
  return ok({ base32, bytes: decodeBase32(base32) })
}

function badCharacter(text: string, position: number): KeyError {
  const codePoint = text.codePointAt(position) ?? 0
  const character = String.fromCodePoint(codePoint)
  const shown = codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0xa0) ? `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` : `"${character}"`
  const lookalike = LOOKALIKES[character]
  const hint = lookalike ? ` Did you mean ${lookalike}?` : ''
  return {
    kind: 'bad-character',
    position,
    character,
    message: `Character ${position + 1} is ${shown}, which a key never contains: keys use only the letters A–Z and the digits 2–7.${hint}`,
  }
}

function paddingInMiddle(position: number): KeyError {
  return {
    kind: 'padding-in-middle',
    position,
    message: `"=" can only come at the end of a key, but character ${position + 1} is "=" with more key after it.`,
  }
}
