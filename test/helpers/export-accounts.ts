import type { ImportedAccount } from '../../src/main/transfer/types'
import { VECTORS } from './vectors'

/**
 * Accounts every export must carry over: Aegis's seven vectors (TOTP, HOTP
 * and Steam; SHA-1/256/512; 6–8 digits; odd periods and counters), and the
 * awkward cases: no issuer, a colon and "&" in names, a group with URI
 * delimiters, a HOTP counter above 2^32, and non-ASCII text.
 */
export const EXPORT_ACCOUNTS: readonly ImportedAccount[] = [
  ...VECTORS.map((v, i) => (i % 2 === 0 ? { ...v, group: i === 0 ? 'Amazon EU' : 'Other apps' } : v)),
  { type: 'totp', issuer: '', label: 'no-issuer@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'Amazon Seller Central', label: 'shop: EU & UK', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: 'EU / UK & more = ✓ #1' },
  { type: 'hotp', issuer: 'Kindle Direct Publishing', label: 'author@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', algorithm: 'SHA1', digits: 6, period: 30, counter: 2 ** 40 + 7, group: 'KDP' },
  { type: 'totp', issuer: 'Ünïcødé 🛒 shop', label: '名前+tag@example.com', secret: 'ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU', algorithm: 'SHA512', digits: 8, period: 60, counter: 0, group: 'Amazon EU' },
]
