import { err, ok, type Result } from '../../../shared/result'
import { encodeBase32 } from '../../otp/base32'
import { buildAccount } from '../account-fields'
import { decodeHex } from '../encoding'
import type { ImportError, ImportResult } from '../types'

/*
 * The Battle.net Authenticator, in the form Aegis reads it (beemdevelopment/
 * Aegis v3.4.2 importers/BattleNetImporter.java): the app's preferences file
 * shared_prefs/com.blizzard.messenger.authenticator_preferences.xml, whose
 * AUTHENTICATOR_DEVICE_SECRET and AUTHENTICATOR_SERIAL are hex, each byte
 * XOR-ed with a fixed mask; unmasked, the secret is the key in hex. Codes are
 * TOTP, SHA1, 8 digits, 30 s; the serial names the account.
 */

const PREFIX = 'com.blizzard.messenger.'
const SECRET = `${PREFIX}AUTHENTICATOR_DEVICE_SECRET`
const SERIAL = `${PREFIX}AUTHENTICATOR_SERIAL`
const MASK = decodeHex('398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a') ?? new Uint8Array(0)

export function looksLikeBattleNet(prefs: ReadonlyMap<string, string>): boolean {
  return prefs.has(SECRET)
}

export function importBattleNet(prefs: ReadonlyMap<string, string>): Result<ImportResult, ImportError> {
  const secret = unmask(prefs.get(SECRET) ?? '')
  const serial = unmask(prefs.get(SERIAL) ?? '') ?? ''
  const key = secret === null ? null : decodeHex(secret)
  if (key === null || key.length === 0) {
    return ok({ format: 'battle-net', accounts: [], errors: [{ index: 0, name: 'Battle.net', message: 'Field "AUTHENTICATOR_DEVICE_SECRET": it is not the masked hex key the Battle.net app writes.' }], warnings: [] })
  }
  const account = buildAccount({ type: 'totp', issuer: 'Battle.net', label: serial, secret: encodeBase32(key), digits: 8 })
  if (!account.ok) return err({ kind: 'bad-file', format: 'battle-net', message: account.error })
  return ok({ format: 'battle-net', accounts: [account.value], errors: [], warnings: [] })
}

/** XOR with the app's mask; null when the text is not hex or longer than the mask. */
function unmask(hex: string): string | null {
  const bytes = decodeHex(hex.trim())
  if (bytes === null || bytes.length > MASK.length) return null
  return String.fromCharCode(...bytes.map((byte, i) => byte ^ (MASK[i] ?? 0)))
}
