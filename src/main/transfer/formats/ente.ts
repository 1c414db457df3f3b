import { err, ok, type Result } from '../../../shared/result'
import { inThreadWork } from '../crypto-work'
import { decodeBase64Loose, decodeText } from '../encoding'
import { readFields } from '../field-reader'
import { isObject, type JsonObject } from '../json-read'
import { importOtpauthList } from '../otpauth-list'
import type { ImportError, ImportOptions, ImportResult } from '../types'
import { MAX_ARGON2_MEMORY_KIB } from '../worker/protocol'

/*
 * Ente Auth's encrypted export (ente-io/ente at a621d73, 2026:
 * docs/docs/auth/migration/export.md; mobile/apps/auth/lib/models/export/ente.dart,
 * ui/settings/data/export_widget.dart, import/encrypted_ente_import.dart):
 *   { version: 1, kdfParams: { memLimit (bytes), opsLimit, salt (base64) },
 *     encryptedData (base64), encryptionNonce (base64) }
 * The key is libsodium's crypto_pwhash, Argon2id v1.3 with one lane, at the
 * limits the phone managed (deriveSensitiveKey starts at 1 GiB and 4 passes
 * and halves the memory as needed); the data is one
 * crypto_secretstream_xchacha20poly1305 message whose header is the
 * "nonce". Decrypted, it is the plain export: otpauth:// links, one a line
 * (otpauth-list.ts). Argon2 and the stream run on the transfer worker.
 */

const VERSION = 1
const HEADER_BYTES = 24
/** Poly1305 tag plus the stream's one-byte tag. */
const OVERHEAD = 17

export function looksLikeEnteEncrypted(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.kdfParams) && typeof doc.encryptedData === 'string' && typeof doc.encryptionNonce === 'string'
}

export async function importEnteEncrypted(doc: JsonObject, options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  const fields = readFields(doc)
  const version = fields.number('version')
  const kdf = fields.object('kdfParams')
  const memLimit = kdf?.number('memLimit')
  const opsLimit = kdf?.number('opsLimit')
  const salt = decodeBase64Loose(kdf?.string('salt') ?? '')
  const data = decodeBase64Loose(fields.string('encryptedData') ?? '')
  const header = decodeBase64Loose(fields.string('encryptionNonce') ?? '')
  if (fields.problem() !== null) return err(damaged(fields.problem() ?? ''))
  if (version !== VERSION) {
    if (version !== undefined && Number.isInteger(version) && version > VERSION) return err({ kind: 'unsupported-version', format: 'ente', version, message: `This export was made by a newer Ente Auth (version ${version}), which SellerGuard cannot read yet.` })
    return err(damaged('its version number is wrong.'))
  }
  if (!options.password) return err({ kind: 'password-required', format: 'ente', message: 'This Ente Auth export is encrypted. Enter the password you chose when exporting.' })
  if (memLimit === undefined || opsLimit === undefined || !Number.isInteger(opsLimit) || opsLimit < 1 || opsLimit > 1000 || memLimit < 8192 || memLimit % 1024 !== 0) return err(damaged('its key-derivation settings are not valid.'))
  if (memLimit / 1024 > MAX_ARGON2_MEMORY_KIB) return err({ kind: 'unsupported-encryption', format: 'ente', message: `This export's key derivation needs ${Math.round(memLimit / 2 ** 20)} MiB of memory, more than Ente Auth itself uses (1 GiB); it is probably damaged.` })
  if (salt === null || salt.length !== 16 || header === null || header.length !== HEADER_BYTES || data === null || data.length < OVERHEAD) return err(damaged('its encrypted part cannot be read.'))

  const work = options.work ?? inThreadWork
  const progress = { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) }
  const key = await work.run({ kind: 'argon2', variant: 'argon2id', password: new Uint8Array(Buffer.from(options.password, 'utf8')), salt, iterations: opsLimit, memoryKiB: memLimit / 1024, parallelism: 1, length: 32 }, progress)
  const opened = await work.run({ kind: 'secretstream', key, header, ciphertext: data }, progress)
  if (opened === null) return err({ kind: 'wrong-password', format: 'ente', message: 'The password is wrong: it does not open this Ente Auth export (or the file was changed after Ente wrote it).' })
  const text = decodeText(opened.message)
  if (text === null) return err(damaged('the password is right, but its contents are not text.'))
  const list = importOtpauthList(text)
  return list.ok ? ok({ ...list.value, format: 'ente' }) : list
}

function damaged(why: string): ImportError {
  return { kind: 'bad-file', format: 'ente', message: `The Ente Auth export is damaged: ${why}` }
}
