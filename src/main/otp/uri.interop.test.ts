import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { formatUri, parseUri } from './uri'
import { INTEROP_DIR, VECTORS } from '../../../test/helpers/interop'

/*
 * Aegis Authenticator's importer test vectors (beemdevelopment/Aegis), read in
 * place from the shared fixtures beside the checkout: /work/shared/fixtures/interop/.
 * Expected values: the table in that folder's README.md.
 */

const FIXTURE = path.join(INTEROP_DIR, 'aegis/plain.txt')
const present = existsSync(FIXTURE)

needs(present ? null : `${FIXTURE} is absent (shared/fixtures is not beside this checkout)`).describe('Aegis plain.txt interop vectors', () => {
  const lines = present
    ? readFileSync(FIXTURE, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
    : []

  it('has one URI per vector', () => {
    expect(lines).toHaveLength(VECTORS.length)
  })

  // Numbered as in the README's table.
  it.each(VECTORS.map((vector, index) => ({ n: index + 1, ...vector })))('#$n: $type $issuer / $label', ({ n, secret, ...account }) => {
    const result = parseUri(lines[n - 1] ?? '')
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    expect(result.value.account).toEqual(account)
    expect(result.value.key.base32).toBe(secret)
    // And our canonical form reads back the same.
    expect(parseUri(formatUri(result.value.account, result.value.key.base32))).toEqual(result)
  })
})
