import type { ApiError, RevealedSecret } from '../../shared/contract'
import { ok, type Result } from '../../shared/result'
import { formatUri } from '../otp/uri'
import type { Vault } from './vault'

/**
 * An explicit reveal: the secret read fresh from the keychain, as base32,
 * an `otpauth://` link and that link as a QR code to scan with a phone.
 * The QR encoder is loaded on the first reveal, not at start-up.
 */
export async function revealAccount(vault: Vault, id: string): Promise<Result<RevealedSecret, ApiError>> {
  const key = await vault.reveal(id)
  if (!key.ok) return key
  const uri = formatUri(vault.get(id)!, key.value.base32)
  const { default: QRCode } = await import('qrcode')
  return ok({ id, secret: key.value.base32, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) })
}
