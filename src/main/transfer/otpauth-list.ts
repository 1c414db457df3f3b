import { ok, type Result } from '../../shared/result'
import { percentDecode } from '../otp/percent'
import { accountFromUri } from './account-fields'
import { createEntryErrors } from './entries'
import type { ImportedAccount, ImportError, ImportResult } from './types'

/*
 * A text file of `otpauth://` URIs, one per line (Google's Key URI Format,
 * https://github.com/google/google-authenticator/wiki/Key-Uri-Format). Aegis
 * exports this as "plain text", and Ente Auth's unencrypted export is the
 * same list with an extra `codeDisplay` parameter that we ignore
 * (beemdevelopment/Aegis, importers/EnteAuthImporter.java). Blank lines and
 * lines starting with "#" are skipped. A `group` parameter (SellerGuard's own
 * list export writes one, otpauth-export.ts) puts the account in that group.
 */

/** The lines that carry entries: not blank, not a "#" comment. */
export function entryLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'))
}

/** Whether the first entry line is an `otpauth://` URI (detection by content). */
export function looksLikeOtpauthList(text: string): boolean {
  const first = entryLines(text.slice(0, 65_536))[0]
  return first !== undefined && first.text.toLowerCase().startsWith('otpauth://')
}

export function importOtpauthList(text: string): Result<ImportResult, ImportError> {
  const accounts: ImportedAccount[] = []
  const errors = createEntryErrors()
  entryLines(text).forEach((line, index) => {
    const account = accountFromUri(line.text, groupParameter(line.text))
    if (account.ok) accounts.push(account.value)
    else errors.add({ index, line: line.line, message: `Line ${line.line}: ${account.error}` })
  })
  return ok({ format: 'otpauth-list', accounts, ...errors.result(), warnings: [] })
}

/** The `group` query parameter, percent-decoded; undefined when absent or not decodable. */
function groupParameter(uri: string): string | undefined {
  const query = uri.split('#', 1)[0]!.split('?').slice(1).join('?')
  for (const part of query.split('&')) {
    const equals = part.indexOf('=')
    if (equals < 0 || part.slice(0, equals).toLowerCase() !== 'group') continue
    const decoded = percentDecode(part.slice(equals + 1), 0, true)
    return decoded.ok ? decoded.value.text : undefined
  }
  return undefined
}
