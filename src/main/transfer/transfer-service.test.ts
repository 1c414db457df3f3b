import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { decodeQrImage } from '../qr/decode'
import type { Vault } from '../vault/vault'
import { createTransferService } from './transfer-service'

/** The transfer service with the real QR decoder and an empty vault (these previews never reach the keychain). */
function service() {
  const vault = { accounts: () => [], key: () => null, duplicatesOf: () => ({ existing: [], repeated: [] }) } as unknown as Vault
  return createTransferService({
    vault,
    now: Date.now,
    log: createMemoryLogger(),
    decodeQr: decodeQrImage,
    screen: null,
    recordBackup: async () => {},
    extras: () => ({}),
    restoreChecklist: async () => null,
  })
}

const png = async (text: string) => new Uint8Array(await QRCode.toBuffer(text, { type: 'png', margin: 2, width: 240 }))

describe('a QR code that is not an authenticator code', () => {
  it.each([
    ['https://sellercentral.amazon.com/help', 'This QR code holds a web link (sellercentral.amazon.com), not an authenticator key.'],
    ['Scan me for 10% off!', 'This QR code holds text, not an authenticator key.'],
    ['mailto://someone@example.com', 'This QR code holds a link (mailto://…), not an authenticator key.'],
  ])('says what it holds: %s', async (text, message) => {
    const result = await service().previewImage(await png(text))
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining(message) } })
  })

  it('says the same when the image is opened with Import instead of Add', async () => {
    const result = await service().preview(await png('https://example.com/page'), undefined)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('This QR code holds a web link (example.com), not an authenticator key.') } })
  })

  it('an otpauth QR code opened with Import is previewed like one opened with Add', async () => {
    const uri = 'otpauth://totp/KDP:author%40example.com?secret=ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO&issuer=KDP'
    const result = await service().preview(await png(uri), undefined)
    expect(result).toMatchObject({ ok: true, value: { entries: [{ issuer: 'KDP', label: 'author@example.com', type: 'totp' }] } })
  })
})
