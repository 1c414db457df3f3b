import { err, type Result } from '../../shared/result'
import { importBinary, importUnknownBinary } from './detect-binary'
import { importJson } from './detect-json'
import { looksLikeAndroidPrefs, readAndroidPrefs } from './android-prefs'
import { decodeText } from './encoding'
import { authyTokensFromPrefs, importAuthy } from './formats/authy'
import { importBattleNet, looksLikeBattleNet } from './formats/battle-net'
import { importBitwardenCsv, looksLikeBitwardenCsv } from './formats/bitwarden-csv'
import { importOnePasswordCsv, looksLikeOnePasswordCsv } from './formats/onepassword'
import { importGoogleMigration, looksLikeGoogleMigration } from './google-migration'
import { importOtpauthList, looksLikeOtpauthList } from './otpauth-list'
import type { ImportError, ImportOptions, ImportResult } from './types'
import { MAX_FILE_BYTES } from '../../shared/contract/limits'

/**
 * Largest file we read: the contract's file limit, which the renderer checks
 * before sending. Real exports are far smaller (an Aegis vault with icons
 * for 500 accounts is a few MiB); this bounds memory for a wrong pick.
 */
export const MAX_IMPORT_BYTES = MAX_FILE_BYTES

const KNOWN = 'Aegis, 2FAS, andOTP, FreeOTP+, Authenticator Pro, Google Authenticator, Bitwarden, 1Password, Proton Pass and Proton Authenticator, KeePass, Ente Auth, LastPass Authenticator, Steam Desktop Authenticator, Duo, Battle.net and Authy (decrypted), and lists of otpauth:// links'

/**
 * Imports an export file from another authenticator or password manager,
 * recognising the format from the content (never the file name). Never
 * throws: entries that cannot be imported are listed in the result's
 * `errors`, and a failure (or an abort through `options.signal`) is an `ImportError`.
 */
export async function importFile(input: Uint8Array | string, options: ImportOptions = {}): Promise<Result<ImportResult, ImportError>> {
  try {
    return await readFile(input, options)
  } catch (e) {
    return err(importFailure(e, options.signal))
  }
}

/** What a throw while reading a file means to the user: a cancelled import, or a file SellerGuard could not open. */
export function importFailure(e: unknown, signal?: AbortSignal): ImportError {
  if (signal?.aborted) return { kind: 'cancelled', message: 'The import was cancelled; nothing was read.' }
  return { kind: 'bad-file', message: `SellerGuard could not open this file (${e instanceof Error ? e.message.slice(0, 120) : 'unknown error'}).` }
}

async function readFile(input: Uint8Array | string, options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  const size = typeof input === 'string' ? input.length : input.byteLength
  if (size > MAX_IMPORT_BYTES) {
    return err({ kind: 'too-large', limitBytes: MAX_IMPORT_BYTES, message: `The file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB, far more than any authenticator export: it is probably not one.` })
  }
  if (typeof input !== 'string') {
    const binary = await importBinary(input, options)
    if (binary !== null) return binary
  }
  const decoded = typeof input === 'string' ? input : decodeText(input)
  if (decoded === null) return importUnknownBinary(input as Uint8Array, options)
  const text = decoded.replace(/^\uFEFF/, '')
  const start = text.trimStart().charAt(0)

  if (start === '{' || start === '[') return importJson(text, options)
  if (looksLikeAndroidPrefs(text)) return importPrefs(text)
  if (looksLikeBitwardenCsv(text)) return importBitwardenCsv(text)
  if (looksLikeOnePasswordCsv(text)) return importOnePasswordCsv(text)
  if (looksLikeGoogleMigration(text)) return importGoogleMigration(text)
  if (looksLikeOtpauthList(text)) return importOtpauthList(text)
  return err({ kind: 'unrecognised-format', message: `SellerGuard does not recognise this file. It reads exports from ${KNOWN}.` })
}

/** Android preference files: Authy's tokens (decrypted) or the Battle.net Authenticator. */
function importPrefs(text: string): Result<ImportResult, ImportError> {
  const prefs = readAndroidPrefs(text)
  if (!prefs.ok) return err({ kind: 'bad-file', message: `The preferences file is damaged: ${prefs.error}` })
  if (looksLikeBattleNet(prefs.value)) return importBattleNet(prefs.value)
  const tokens = authyTokensFromPrefs(prefs.value)
  if (tokens !== null) return { ok: true, value: importAuthy(tokens) }
  return err({ kind: 'unrecognised-format', message: 'This is an Android preferences file, but not Authy\'s or Battle.net\'s.' })
}
