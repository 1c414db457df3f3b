import { err, type Result } from '../../shared/result'
import { importAegis, looksLikeAegis } from './aegis'
import { looksLikeBackup } from './backup'
import { importBitwarden, looksLikeBitwarden } from './bitwarden'
import { decodeText } from './encoding'
import { importGoogleMigration, looksLikeGoogleMigration } from './google-migration'
import { parseJson } from './json-read'
import { importOtpauthList, looksLikeOtpauthList } from './otpauth-list'
import { importProton, looksLikeProton } from './proton'
import { import2fas, looksLike2fas } from './twofas'
import type { ImportError, ImportOptions, ImportResult } from './types'

/**
 * Largest file we read. Real exports are far smaller (an Aegis vault with
 * icons for 500 accounts is a few MiB); this bounds memory for a wrong pick.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024

/**
 * Imports an export file from another authenticator, recognising the format
 * from the content (never the file name): Aegis vault, 2FAS backup, Bitwarden
 * JSON, Proton Authenticator JSON, Google Authenticator export links, or a
 * list of `otpauth://` URIs (also Aegis's and Ente Auth's plain text export).
 * Never throws; entries that cannot be imported are listed in the result's `errors`.
 */
export async function importFile(input: Uint8Array | string, options: ImportOptions = {}): Promise<Result<ImportResult, ImportError>> {
  const size = typeof input === 'string' ? input.length : input.byteLength
  if (size > MAX_IMPORT_BYTES) {
    return err({ kind: 'too-large', limitBytes: MAX_IMPORT_BYTES, message: `The file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB, far more than any authenticator export: it is probably not one.` })
  }
  const decoded = typeof input === 'string' ? input : decodeText(input)
  if (decoded === null) return err(unrecognised('The file is not text, so it is not an export SellerGuard can read.'))
  const text = decoded.replace(/^\uFEFF/, '')
  const start = text.trimStart().charAt(0)

  if (start === '{' || start === '[') {
    const parsed = parseJson(text)
    if (!parsed.ok) return err({ kind: 'bad-file', message: 'The file looks like a JSON export but is damaged or cut short.' })
    const doc = parsed.value
    if (looksLikeBackup(doc)) return err({ kind: 'sellerguard-backup', message: 'This is a SellerGuard backup. Use "Restore from backup" to open it.' })
    if (looksLikeAegis(doc)) return importAegis(text, options)
    if (looksLike2fas(doc)) return import2fas(text, options)
    if (looksLikeProton(doc)) return importProton(text)
    if (looksLikeBitwarden(doc)) return importBitwarden(text)
    return err(unrecognised('The file is JSON, but not an export from an app SellerGuard knows (Aegis, 2FAS, Bitwarden, Proton Authenticator).'))
  }
  if (looksLikeGoogleMigration(text)) return importGoogleMigration(text)
  if (looksLikeOtpauthList(text)) return importOtpauthList(text)
  return err(unrecognised('SellerGuard does not recognise this file. It reads exports from Aegis, 2FAS, Google Authenticator, Bitwarden, Proton Authenticator and Ente Auth, and lists of otpauth:// links.'))
}

function unrecognised(message: string): ImportError {
  return { kind: 'unrecognised-format', message }
}
