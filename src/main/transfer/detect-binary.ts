import { err, type Result } from '../../shared/result'
import { importEncryptedAndOtp, looksLikeEncryptedAndOtp } from './formats/andotp'
import { authenticatorProLayout, importEncryptedAuthenticatorPro } from './formats/authenticator-pro-decrypt'
import { importKeepass, looksLikeKdbx } from './formats/keepass'
import { importOnePasswordData } from './formats/onepassword'
import { importProtonPass, looksLikeProtonPass, PROTON_PASS_DATA, PROTON_PASS_ENCRYPTED } from './formats/proton-pass'
import { decodeText } from './encoding'
import { isObject, parseJson } from './json-read'
import type { ImportError, ImportOptions, ImportResult } from './types'
import { looksLikeZip, readZipMember } from './zip-read'

/*
 * Binary exports, by their first bytes: KeePass (.kdbx), zips (1Password
 * .1pux, Proton Pass), Authenticator Pro's encrypted backups and andOTP's
 * (whose new format starts with its PBKDF2 iteration count). `null` when the
 * bytes are none of these; the caller then tries them as text.
 */

export async function importBinary(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult, ImportError> | null> {
  if (looksLikeKdbx(bytes)) return importKeepass(bytes, options)
  if (looksLikeZip(bytes)) return importZip(bytes)
  const layout = authenticatorProLayout(bytes)
  if (layout !== null) return importEncryptedAuthenticatorPro(bytes, layout, options)
  if (looksLikeEncryptedAndOtp(bytes) && decodeText(bytes) === null) return importEncryptedAndOtp(bytes, 'new', options)
  return null
}

/** Binary files that are something else altogether (the user picked the wrong file). */
const OTHER_FILES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  [0x42, 0x4d], // BMP
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x53, 0x51, 0x4c, 0x69], // SQLite
]

/**
 * A binary file none of the signatures matched. An old-format andOTP backup
 * has no header at all (IV ‖ ciphertext ‖ tag), so any other binary of a
 * plausible size may be one: the user is asked for its password.
 */
export function importUnknownBinary(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult, ImportError>> | Result<ImportResult, ImportError> {
  const other = OTHER_FILES.some((signature) => signature.every((byte, i) => bytes[i] === byte))
  if (other || bytes.length < 12 + 16 + 2) return err({ kind: 'unrecognised-format', message: 'The file is not text, so it is not an export SellerGuard can read.' })
  return importEncryptedAndOtp(bytes, 'old', options)
}

async function importZip(bytes: Uint8Array): Promise<Result<ImportResult, ImportError>> {
  const member = await readZipMember(bytes, (name) => name === 'export.data' || name === PROTON_PASS_DATA || name === PROTON_PASS_ENCRYPTED)
  if (!member.ok) return err({ kind: 'bad-file', message: `The zip file is damaged: ${member.error}.` })
  if (member.value === null) return err({ kind: 'unrecognised-format', message: 'The zip file is not a 1Password (.1pux) or Proton Pass export.' })
  const { name, data } = member.value
  if (name === PROTON_PASS_ENCRYPTED) {
    return err({ kind: 'unsupported-encryption', format: 'proton-pass', message: 'This Proton Pass export is encrypted with a passphrase (PGP), which SellerGuard cannot open. In Proton Pass, export again without encryption, import that file, then delete it.' })
  }
  const format = name === 'export.data' ? '1password' : 'proton-pass'
  const doc = parseJson(decodeText(data) ?? '')
  if (!doc.ok || !isObject(doc.value) || (format === 'proton-pass' && !looksLikeProtonPass(doc.value))) return err({ kind: 'bad-file', format, message: `The ${format === '1password' ? '1Password' : 'Proton Pass'} export is damaged: its data cannot be read.` })
  return { ok: true, value: format === '1password' ? importOnePasswordData(doc.value) : importProtonPass(doc.value) }
}
