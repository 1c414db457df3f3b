import { bench, describe } from 'vitest'
import QRCode from 'qrcode'
import { launchChromium, photoPage, screenPage, screenshot } from '../test/fixtures-qr/qr-page'
import { decodeQrImage } from '../src/main/qr/decode'

/*
 * Decode time per image: `npx vitest bench --run bench/qr-decode`. Needs Debian's
 * Chromium to render the inputs (see test/fixtures-qr/qr-page.ts).
 */
const URI = 'otpauth://totp/Amazon%20Seller:ops%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Seller'
const codes = [{ text: URI, size: 200 }]

const browser = await launchChromium()
const images = {
  'generated QR, 260 × 260 PNG': new Uint8Array(await QRCode.toBuffer(URI, { type: 'png', scale: 4 })),
  'screenshot, 1280 × 800 PNG': await screenshot(browser, await screenPage(codes), { width: 1280, height: 800 }),
  'screenshot without a code, 1280 × 800 PNG': await screenshot(browser, await screenPage([]), { width: 1280, height: 800 }),
  'photo-like, 1280 × 800 JPEG q70': await screenshot(browser, await photoPage(codes), { width: 1280, height: 800, jpegQuality: 70 }),
  'photo-like, 4002 × 3000 (12 MP) JPEG q70': await screenshot(browser, await photoPage(codes), { width: 1334, height: 1000, scale: 3, jpegQuality: 70 }),
}
await browser.close()
// The first call instantiates the WebAssembly module: keep it out of the figures.
await decodeQrImage(images['generated QR, 260 × 260 PNG'])

describe('decodeQrImage', () => {
  for (const [name, bytes] of Object.entries(images)) {
    bench(name, async () => {
      await decodeQrImage(bytes)
    }, { iterations: 5, warmupIterations: 1 })
  }
})
