import { execFileSync, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { blankImage, encodePng } from '../../../test/fixtures-qr/grey-image'
import { readImageHeader, type ImageHeader } from './image-header'

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')]
const u16be = (n: number): number[] => [n >> 8, n & 0xff]
const u16le = (n: number): number[] => [n & 0xff, n >> 8]
const i32le = (n: number): number[] => [...new Uint8Array(Int32Array.of(n).buffer)]

/** JPEG start, an APP0 segment, 0xFF fill, then a frame header with the given marker. */
function jpeg(marker: number, width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, ...u16be(16), ...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]
  const frame = [0xff, marker, ...u16be(11), 8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]
  return bytes(0xff, 0xd8, ...app0, 0xff, ...frame)
}

describe('readImageHeader', () => {
  it.each<[string, Uint8Array, ImageHeader | null]>([
    ['a PNG', encodePng(blankImage(321, 123)), { format: 'png', width: 321, height: 123 }],
    ['a baseline JPEG (SOF0) after APP0 and fill bytes', jpeg(0xc0, 4032, 3024), { format: 'jpeg', width: 4032, height: 3024 }],
    ['a progressive JPEG (SOF2)', jpeg(0xc2, 640, 480), { format: 'jpeg', width: 640, height: 480 }],
    ['a JPEG whose scan starts before any frame', bytes(0xff, 0xd8, 0xff, 0xda, 0, 8), null],
    ['a JPEG cut short', jpeg(0xc0, 640, 480).slice(0, 24), null],
    ['a GIF89a', bytes(...ascii('GIF89a'), ...u16le(500), ...u16le(400), 0), { format: 'gif', width: 500, height: 400 }],
    ['a GIF87a', bytes(...ascii('GIF87a'), ...u16le(1), ...u16le(2), 0), { format: 'gif', width: 1, height: 2 }],
    ['a BMP with a BITMAPINFOHEADER, stored top-down', bytes(...ascii('BM'), ...new Array<number>(12).fill(0), ...i32le(40), ...i32le(800), ...i32le(-600)), { format: 'bmp', width: 800, height: 600 }],
    ['an OS/2 BMP with a core header', bytes(...ascii('BM'), ...new Array<number>(12).fill(0), ...i32le(12), ...u16le(300), ...u16le(200), 1, 0, 24, 0), { format: 'bmp', width: 300, height: 200 }],
    ['a PNG claiming zero width', encodePng(blankImage(1, 1)).map((b, i) => (i >= 16 && i < 20 ? 0 : b)), null],
    ['a PNG without IHDR first', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, ...ascii('IDAT'), 0, 0, 0, 0, 0, 0, 0, 0), null],
    ['WebP', bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')), null],
    ['text', new TextEncoder().encode('otpauth://totp/x?secret=AAAA'), null],
    ['nothing', bytes(), null],
  ])('%s', (_name, input, expected) => {
    expect(readImageHeader(input)).toEqual(expected)
  })

  it('never throws on any prefix of a real file', () => {
    const png = encodePng(blankImage(50, 40))
    const jpg = jpeg(0xc0, 50, 40)
    for (const file of [png, jpg]) for (let n = 0; n <= file.length; n++) expect(() => readImageHeader(file.subarray(0, n))).not.toThrow()
  })

  const noConvert = spawnSync('/usr/bin/convert', ['-version']).error ? "ImageMagick's /usr/bin/convert is not installed (apt-get install imagemagick)" : null
  needs(noConvert).it('agrees with ImageMagick on files it writes', () => {
    for (const [format, type] of [
      ['png', 'png'],
      ['jpg', 'jpeg'],
      ['gif', 'gif'],
      ['bmp', 'bmp'],
    ] as const) {
      const file = new Uint8Array(execFileSync('/usr/bin/convert', ['-size', '123x45', 'xc:orange', `${format}:-`]))
      expect(readImageHeader(file)).toEqual({ format: type, width: 123, height: 45 })
    }
  })
})
