import { createHmac } from 'node:crypto'

/**
 * An independent RFC 6238 TOTP for checking what the app shows: written
 * here with node:crypto, sharing no code with the app.
 */
export function totp(base32: string, atMs: number, digits = 6, periodS = 30): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const clean = base32.toUpperCase().replace(/[^A-Z2-7]/g, '')
  let bits = ''
  for (const c of clean) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / periodS)))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1]! & 0xf
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits
  return value.toString().padStart(digits, '0')
}

/** The codes of the step before, at, and after `atMs`: a display can lag or lead by one step at a boundary. */
export function totpWindow(base32: string, atMs: number, digits = 6, periodS = 30): string[] {
  return [-1, 0, 1].map((d) => totp(base32, atMs + d * periodS * 1000, digits, periodS))
}

export const grouped = (code: string) => `${code.slice(0, Math.floor(code.length / 2))} ${code.slice(Math.floor(code.length / 2))}`
