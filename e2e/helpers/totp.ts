import { createHmac } from 'node:crypto'

/**
 * An independent RFC 4226/6238 implementation for checking what the app
 * shows: written here with node:crypto, sharing no code with the app.
 */
export type Params = Readonly<{ algorithm?: 'SHA1' | 'SHA256' | 'SHA512'; digits?: number; period?: number }>

function keyOf(base32: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of base32.toUpperCase().replace(/[^A-Z2-7]/g, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)))
}

export function hotp(base32: string, counter: number, { algorithm = 'SHA1', digits = 6 }: Params = {}): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(algorithm.toLowerCase(), keyOf(base32)).update(message).digest()
  const offset = mac[mac.length - 1]! & 0xf
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits
  return value.toString().padStart(digits, '0')
}

export function totp(base32: string, atMs: number, digits = 6, periodS = 30, algorithm: Params['algorithm'] = 'SHA1'): string {
  return hotp(base32, Math.floor(atMs / 1000 / periodS), { algorithm, digits })
}

/** The codes of the step before, at, and after `atMs`: a display can lag or lead by one step at a boundary. */
export function totpWindow(base32: string, atMs: number, digits = 6, periodS = 30, algorithm: Params['algorithm'] = 'SHA1'): string[] {
  return [-1, 0, 1].map((d) => totp(base32, atMs + d * periodS * 1000, digits, periodS, algorithm))
}

export const grouped = (code: string) => (code.length <= 5 ? code : `${code.slice(0, Math.floor(code.length / 2))} ${code.slice(Math.floor(code.length / 2))}`)

/**
 * Matches any of `base32`'s codes from a step before to a step after now
 * (plus `offsetMs`), as shown. For `toHaveText`, which waits until the real
 * code is there: a freshly added account shows "…" until its first frame.
 */
export function totpNow(base32: string, { offsetMs = 0, digits = 6, periodS = 30, algorithm = 'SHA1' }: Params & Readonly<{ offsetMs?: number; periodS?: number }> = {}): RegExp {
  return new RegExp(`^(${totpWindow(base32, Date.now() + offsetMs, digits, periodS, algorithm).map(grouped).join('|')})$`)
}
