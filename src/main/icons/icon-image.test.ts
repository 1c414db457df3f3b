import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_ICON_IMAGE_BYTES, checkIconImage, iconImageMessage } from './icon-image'

// Written by ImageMagick 6 / libwebp 1.2 (test/fixtures-icons): real encoders, not hand-made headers.
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../../test/fixtures-icons', name)))

describe('checkIconImage', () => {
  it.each([
    ['shop.png', 'image/png'],
    ['shop.jpg', 'image/jpeg'],
    ['shop.webp', 'image/webp'],
    ['shop-lossless.webp', 'image/webp'],
    ['shop-alpha.webp', 'image/webp'],
  ])('%s is a 48×48 %s', (name, mimeType) => {
    expect(checkIconImage(fixture(name))).toEqual({ ok: true, value: { mimeType, width: 48, height: 48 } })
  })

  it('tells the type from the bytes, not the name: a PNG renamed .jpg is a PNG', () => {
    expect(checkIconImage(fixture('shop.png'))).toMatchObject({ ok: true, value: { mimeType: 'image/png' } })
  })

  it.each(['shop.svg', 'shop.gif'])('refuses %s: SVG can carry script, GIF and BMP are not worth keeping', (name) => {
    expect(checkIconImage(fixture(name))).toEqual({ ok: false, error: { kind: 'not-an-image' } })
  })

  it('refuses text, empty and cut-off files', () => {
    expect(checkIconImage(new TextEncoder().encode('<html><script>x</script>'))).toEqual({ ok: false, error: { kind: 'not-an-image' } })
    expect(checkIconImage(new Uint8Array())).toEqual({ ok: false, error: { kind: 'not-an-image' } })
    expect(checkIconImage(fixture('shop.webp').subarray(0, 20))).toEqual({ ok: false, error: { kind: 'not-an-image' } })
    expect(checkIconImage(fixture('shop.png').subarray(0, 16))).toEqual({ ok: false, error: { kind: 'not-an-image' } })
  })

  it('refuses a file over the size limit before reading its header', () => {
    const big = new Uint8Array(MAX_ICON_IMAGE_BYTES + 1)
    big.set(fixture('shop.png'))
    expect(checkIconImage(big)).toEqual({ ok: false, error: { kind: 'too-large', bytes: MAX_ICON_IMAGE_BYTES + 1 } })
    expect(iconImageMessage({ kind: 'too-large', bytes: MAX_ICON_IMAGE_BYTES + 1 })).toBe('That image is 257 KB; use one of at most 256 KB.')
  })

  it('refuses an image wider or taller than 1024 pixels (a small file can claim a huge picture)', () => {
    expect(checkIconImage(fixture('wide.png'))).toEqual({ ok: false, error: { kind: 'too-many-pixels', width: 1500, height: 20 } })
    // A VP8X header claiming 16384×16384 in 30 bytes.
    const bomb = fixture('shop-alpha.webp').slice()
    new DataView(bomb.buffer).setUint32(24, 0x3fff | (0xff << 24), true)
    expect(checkIconImage(bomb)).toMatchObject({ ok: false, error: { kind: 'too-many-pixels', width: 16384 } })
  })
})
