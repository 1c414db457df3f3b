import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { showImage, startXvfb, xvfbUnavailable, type Xvfb } from '../../../test/fixtures-qr/xvfb'
import { decodeQrImage } from './decode'
import { readImageHeader } from './image-header'
import { createImportScreenCapture, type CaptureError } from './screen-capture'

const URI = 'otpauth://totp/Amazon%20Seller:ops%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Seller'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sellerguard-capture-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A shell script standing in for `import`, to make the failures that a real one rarely shows. */
function fakeImport(name: string, body: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, `#!/bin/sh\n${body}\n`)
  chmodSync(file, 0o755)
  return file
}

async function errorOf(capture: ReturnType<typeof createImportScreenCapture>): Promise<CaptureError | null> {
  const result = await capture.capture()
  return result.ok ? null : result.error
}

describe('createImportScreenCapture errors', () => {
  it('says no-display when DISPLAY is unset or blank, without running anything', async () => {
    const never = fakeImport('never', 'echo ran >&2; exit 1')
    expect(await errorOf(createImportScreenCapture({ env: {}, command: never }))).toMatchObject({ kind: 'no-display' })
    expect(await errorOf(createImportScreenCapture({ env: { DISPLAY: '  ' }, command: never }))).toMatchObject({ kind: 'no-display' })
  })

  needs(xvfbUnavailable()).it('says no-display when the X server cannot be reached', async () => {
    // Display numbers this high are never used; import fails at once.
    expect(await errorOf(createImportScreenCapture({ env: { DISPLAY: ':60999' } }))).toMatchObject({ kind: 'no-display', message: expect.stringContaining(':60999') })
  })

  it('says capture-failed when the command is missing, fails, hangs or prints something else', async () => {
    const env = { DISPLAY: ':0' }
    const missing = await errorOf(createImportScreenCapture({ env, command: path.join(dir, 'no-such-import') }))
    expect(missing).toMatchObject({ kind: 'capture-failed', message: expect.stringContaining('not installed') })
    const failing = await errorOf(createImportScreenCapture({ env, command: fakeImport('failing', 'echo "import: no memory" >&2; exit 1') }))
    expect(failing).toMatchObject({ kind: 'capture-failed', message: expect.stringContaining('no memory') })
    const started = Date.now()
    const hanging = await errorOf(createImportScreenCapture({ env, command: fakeImport('hanging', 'exec sleep 30'), timeoutMs: 300 }))
    expect(hanging).toMatchObject({ kind: 'capture-failed', message: expect.stringContaining('longer than 0.3 s') })
    expect(Date.now() - started).toBeLessThan(5000)
    const text = await errorOf(createImportScreenCapture({ env, command: fakeImport('text', 'echo hello') }))
    expect(text).toMatchObject({ kind: 'capture-failed', message: expect.stringContaining('not return a PNG') })
  })

  it('passes DISPLAY to the command through its environment', async () => {
    const png = '\\211PNG\\r\\n\\032\\n'
    const echo = fakeImport('echo-display', `[ "$DISPLAY" = ":7" ] && printf '${png}' && exit 0; exit 3`)
    const result = await createImportScreenCapture({ env: { DISPLAY: ' :7 ' }, command: echo }).capture()
    expect(result).toEqual({ ok: true, value: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) })
  })
})

const unavailable = xvfbUnavailable()

needs(unavailable).describe('capturing a real X display', () => {
  let xvfb: Xvfb
  beforeAll(async () => {
    xvfb = await startXvfb(1280, 800)
  })
  afterAll(async () => {
    await xvfb?.stop()
  })

  it('captures the whole 1280 × 800 screen as PNG', async () => {
    const result = await createImportScreenCapture({ env: { DISPLAY: xvfb.display } }).capture()
    expect(result.ok && readImageHeader(result.value)).toEqual({ format: 'png', width: 1280, height: 800 })
  })

  it('reads the QR code shown in a window on it', async () => {
    const file = path.join(dir, 'qr.png')
    writeFileSync(file, await QRCode.toBuffer(URI, { type: 'png', scale: 5 }))
    const window = await showImage(xvfb.display, file, 100, 100)
    try {
      const capture = createImportScreenCapture({ env: { DISPLAY: xvfb.display } })
      // `display` maps its window a moment after it starts: capture until the code is on screen.
      const deadline = Date.now() + 10_000
      let decoded = await captureAndDecode(capture)
      while (!decoded.ok && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        decoded = await captureAndDecode(capture)
      }
      expect(decoded).toEqual({ ok: true, value: [URI] })
    } finally {
      await window.stop()
    }
  })
})

async function captureAndDecode(capture: ReturnType<typeof createImportScreenCapture>): ReturnType<typeof decodeQrImage> {
  const shot = await capture.capture()
  if (!shot.ok) throw new Error(`capture failed: ${shot.error.message}`)
  return decodeQrImage(shot.value)
}
