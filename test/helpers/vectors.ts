/* Test vectors without any file access, so child processes run from source can import them too. */

export type InteropVector = Readonly<{
  type: 'totp' | 'hotp' | 'steam'
  issuer: string
  label: string
  /** Canonical base32. */
  secret: string
  algorithm: 'SHA1' | 'SHA256' | 'SHA512'
  digits: number
  period: number
  counter: number
}>

/**
 * Aegis's seven importer test vectors, numbered as in the fixtures README
 * (#1 is index 0). HOTP and Steam have period 30, TOTP and Steam counter 0,
 * as the contract's AccountSummary requires.
 */
export const VECTORS: readonly InteropVector[] = [
  { type: 'totp', issuer: 'Deno', label: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'SPDX', label: 'James', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA256', digits: 7, period: 20, counter: 0 },
  { type: 'totp', issuer: 'Airbnb', label: 'Elijah', secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA', algorithm: 'SHA512', digits: 8, period: 50, counter: 0 },
  { type: 'hotp', issuer: 'Issuu', label: 'James', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', algorithm: 'SHA1', digits: 6, period: 30, counter: 1 },
  { type: 'hotp', issuer: 'Air Canada', label: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50 },
  { type: 'hotp', issuer: 'WWE', label: 'Mason', secret: '5VAML3X35THCEBVRLV24CGBKOY', algorithm: 'SHA512', digits: 8, period: 30, counter: 10300 },
  { type: 'steam', issuer: 'Boeing', label: 'Sophia', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
]
