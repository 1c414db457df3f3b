import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ZXING_WASM_SHA256 } from 'zxing-wasm/reader'
import { blankImage, drawQr, encodePng, fillRect } from '../../../test/fixtures-qr/grey-image'
import { parseUri } from '../otp/uri'
import { decodeQrImage, MAX_IMAGE_BYTES, type QrError } from './decode'
import { configuredWasmPath, readerWasmPath, resetReader } from './zxing-reader'

const URI = 'otpauth://totp/Amazon%20Seller:ops%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Seller&algorithm=SHA1&digits=6&period=30'
const OTHER = 'otpauth://totp/eBay:shop?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=eBay'

async function qrPng(text: string, options: QRCode.QRCodeToBufferOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(text, { type: 'png', ...options }))
}

async function errorOf(bytes: Uint8Array): Promise<QrError['kind'] | 'ok'> {
  const decoded = await decodeQrImage(bytes)
  return decoded.ok ? 'ok' : decoded.error.kind
}

/** The parts of the WebAssembly global used here (the node tsconfig has no DOM lib that would declare it). */
type WasmGlobal = Readonly<{ instantiate: (...args: never[]) => Promise<unknown>; instantiateStreaming: (...args: never[]) => Promise<unknown> }>
const wasmGlobal = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly

/*
 * No network: zxing-wasm would fetch its .wasm from jsDelivr through the
 * global fetch (or WebAssembly.instantiateStreaming). Both are replaced by
 * failing spies before this file's first decode, which is what instantiates
 * the module, so every test below also shows the local file is used.
 */
const fetchSpy = vi.fn(() => Promise.reject(new Error('network is off in this test')))
const streamingSpy = vi.fn(() => Promise.reject(new Error('network is off in this test')))
beforeAll(() => {
  vi.stubGlobal('fetch', fetchSpy)
  vi.spyOn(wasmGlobal, 'instantiateStreaming').mockImplementation(streamingSpy)
})
afterAll(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('decodeQrImage', () => {
  it('reads an otpauth URI from a generated QR code exactly, and parseUri accepts it', async () => {
    const decoded = await decodeQrImage(await qrPng(URI))
    expect(decoded).toEqual({ ok: true, value: [URI] })
    expect(decoded.ok && parseUri(decoded.value[0] ?? '').ok).toBe(true)
  })

  it('reads light-on-dark, small and large codes', async () => {
    const inverted = await qrPng(URI, { color: { dark: '#ffffffff', light: '#000000ff' } })
    const small = await qrPng(URI, { scale: 2, margin: 2 })
    const large = await qrPng(URI, { width: 2000 })
    for (const image of [inverted, small, large]) expect(await decodeQrImage(image)).toEqual({ ok: true, value: [URI] })
  })

  it('returns every code in an image, once each', async () => {
    const image = blankImage(3 * 300, 300)
    drawQr(image, URI, 20, 20, 4)
    drawQr(image, OTHER, 320, 40, 5)
    drawQr(image, URI, 620, 60, 3)
    const decoded = await decodeQrImage(encodePng(image))
    expect(decoded.ok && [...decoded.value].sort()).toEqual([OTHER, URI].sort())
  })

  it('keeps the bytes of non-ASCII text (UTF-8 QR)', async () => {
    const text = 'otpauth://totp/Händler:zoë?secret=JBSWY3DPEHPK3PXP&issuer=Händler'
    expect(await decodeQrImage(await qrPng(text))).toEqual({ ok: true, value: [text] })
  })

  it('says no-qr-found for an image without a code', async () => {
    const image = blankImage(640, 480)
    fillRect(image, 100, 100, 200, 120, 0)
    expect(await decodeQrImage(encodePng(image))).toMatchObject({ ok: false, error: { kind: 'no-qr-found', message: expect.stringContaining('No QR code') } })
  })

  it('says not-an-image for random bytes, text, an empty file, WebP and a damaged PNG', async () => {
    const png = await qrPng(URI)
    const damaged = png.slice(0, 40)
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')])
    for (const bytes of [new Uint8Array(randomBytes(5000)), new TextEncoder().encode(URI), new Uint8Array(0), webp, damaged]) {
      expect(await errorOf(bytes)).toBe('not-an-image')
    }
  })

  it('says too-large for a file over 20 MB or an image over 40 megapixels, before decoding', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1)
    big.set(await qrPng(URI))
    expect(await decodeQrImage(big)).toMatchObject({ ok: false, error: { kind: 'too-large', bytes: MAX_IMAGE_BYTES + 1, pixels: null } })
    // A 33-byte PNG header claiming 8000 × 6000 pixels: a decompression bomb is refused from its header.
    const bomb = pngHeader(8000, 6000)
    expect(await decodeQrImage(bomb)).toMatchObject({ ok: false, error: { kind: 'too-large', pixels: 48_000_000 } })
  })
})

describe('the WebAssembly decoder', () => {
  it('is loaded from the file in node_modules, checked against the hash the package was built with', async () => {
    expect(await errorOf(await qrPng(URI))).toBe('ok')
    const wasm = readerWasmPath()
    expect(configuredWasmPath()).toBe(wasm)
    expect(wasm).toBe(path.resolve(__dirname, '../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'))
    expect(createHash('sha256').update(readFileSync(wasm)).digest('hex')).toBe(ZXING_WASM_SHA256)
  })

  it('says decoder-failed when WebAssembly cannot start, and starts afresh on the next call', async () => {
    resetReader()
    const instantiate = vi.spyOn(wasmGlobal, 'instantiate').mockRejectedValueOnce(new Error('out of memory'))
    // Emscripten logs the abort to the console; keep the test output clean.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await decodeQrImage(await qrPng(URI))).toMatchObject({ ok: false, error: { kind: 'decoder-failed', message: expect.stringContaining('out of memory') } })
      expect(configuredWasmPath()).toBeNull()
      expect(await decodeQrImage(await qrPng(URI))).toEqual({ ok: true, value: [URI] })
    } finally {
      instantiate.mockRestore()
      quiet.mockRestore()
    }
  })

  it('never touched the network', () => {
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(streamingSpy).not.toHaveBeenCalled()
  })
})

/** A PNG signature and IHDR chunk only (the CRC is not checked before the size is). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33)
  const view = new DataView(bytes.buffer)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  view.setUint32(16, width)
  view.setUint32(20, height)
  bytes.set([8, 2, 0, 0, 0], 24)
  return bytes
}
