import { afterAll, beforeAll, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import type { Browser } from '@playwright/test'
import { chromiumUnavailable, launchChromium, photoPage, screenPage, screenshot, type PageCode } from '../../../test/fixtures-qr/qr-page'
import { decodeQrImage } from './decode'
import { readImageHeader } from './image-header'

/*
 * Realistic inputs from Debian's Chromium: a page with the QR code among
 * text and colour, as a plain screenshot and as a "phone photo" of the
 * monitor (tilted ~10°, perspective, blur, low contrast, noise, uneven light,
 * JPEG quality 70). See test/fixtures-qr/qr-page.ts.
 */
const URI = 'otpauth://totp/Amazon%20Seller:ops%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Seller&algorithm=SHA1&digits=6&period=30'
const OTHER = 'otpauth://totp/Etsy:studio?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Etsy'
const ONE: readonly PageCode[] = [{ text: URI, size: 200 }]
const TWO: readonly PageCode[] = [
  { text: URI, size: 200 },
  { text: OTHER, size: 160 },
]
const SCREEN = { width: 1280, height: 800 }

const unavailable = chromiumUnavailable()

needs(unavailable).describe('QR codes in rendered pages', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('finds the code in a 1280 × 800 screenshot', async () => {
    const png = await screenshot(browser, await screenPage(ONE), SCREEN)
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 1280, height: 800 })
    expect(await decodeQrImage(png)).toEqual({ ok: true, value: [URI] })
  })

  it('finds both codes in a screenshot with two', async () => {
    const decoded = await decodeQrImage(await screenshot(browser, await screenPage(TWO), SCREEN))
    expect(decoded.ok && [...decoded.value].sort()).toEqual([URI, OTHER].sort())
  })

  it('finds the code in a photo-like JPEG (rotated, in perspective, blurred, noisy, low contrast)', async () => {
    const jpeg = await screenshot(browser, await photoPage(ONE), { ...SCREEN, jpegQuality: 70 })
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 1280, height: 800 })
    expect(await decodeQrImage(jpeg)).toEqual({ ok: true, value: [URI] })
  })

  it('finds both codes in a photo-like JPEG with two', async () => {
    const decoded = await decodeQrImage(await screenshot(browser, await photoPage(TWO), { ...SCREEN, jpegQuality: 70 }))
    expect(decoded.ok && [...decoded.value].sort()).toEqual([URI, OTHER].sort())
  })

  it('finds the code in a 12-megapixel photo-like JPEG', async () => {
    const jpeg = await screenshot(browser, await photoPage(ONE), { width: 1334, height: 1000, scale: 3, jpegQuality: 70 })
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 4002, height: 3000 })
    expect(await decodeQrImage(jpeg)).toEqual({ ok: true, value: [URI] })
  })

  it('says no-qr-found for the same page without a code', async () => {
    expect(await decodeQrImage(await screenshot(browser, await screenPage([]), SCREEN))).toMatchObject({ ok: false, error: { kind: 'no-qr-found' } })
  })
})
