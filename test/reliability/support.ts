/** Shared bits of the reliability suites. */

/** `STRESS=1` (npm run test:stress) selects the long form of every suite. */
export const STRESS = process.env.STRESS === '1'

/** A small seeded PRNG (mulberry32): the same seed gives the same kill moments and frames. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding; written here so the test data does not depend on the app's encoder. */
export function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** Groups of four, as Amazon shows a key ("Can't scan the barcode?"). */
export const groupsOf4 = (text: string) => text.replace(/(.{4})(?=.)/g, '$1 ')

/**
 * Every spelling of a secret that would count as a leak: base32 as stored,
 * lowercase, grouped by four (both cases), and the raw key bytes as hex and
 * base64.
 */
export function secretSpellings(key: Readonly<{ base32: string; bytes: Uint8Array }>): string[] {
  const hex = Buffer.from(key.bytes).toString('hex')
  return [
    key.base32,
    key.base32.toLowerCase(),
    groupsOf4(key.base32),
    groupsOf4(key.base32).toLowerCase(),
    hex,
    hex.toUpperCase(),
    Buffer.from(key.bytes).toString('base64').replace(/=+$/, ''),
    Buffer.from(key.bytes).toString('base64url'),
  ]
}

/** Calls `onLine` with each complete line a child writes to `stream` (a crash suite's child reports one event a line). */
export function eachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = ''
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    lines.forEach(onLine)
  })
}
