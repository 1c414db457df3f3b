import { crc32, deflateSync } from 'node:zlib'
import QRCode from 'qrcode'

/**
 * Test images built in memory: a greyscale canvas (0 black, 255 white), QR
 * codes drawn module by module from the qrcode package's matrix, and a small
 * PNG encoder (node:zlib), so the tests need no image library.
 */
export type GreyImage = Readonly<{ width: number; height: number; pixels: Uint8Array }>

export function blankImage(width: number, height: number, grey = 255): GreyImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(grey) }
}

/** Draws the QR code for `text` with its top-left module at (x, y), `moduleSize` pixels per module, dark modules only. */
export function drawQr(image: GreyImage, text: string, x: number, y: number, moduleSize: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) fillRect(image, x + col * moduleSize, y + row * moduleSize, moduleSize, moduleSize, 0)
    }
  }
}

/** Size in pixels of the QR code `drawQr` draws for `text`, without a quiet zone. */
export function qrSize(text: string, moduleSize: number): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size * moduleSize
}

export function fillRect(image: GreyImage, x: number, y: number, width: number, height: number, grey: number): void {
  for (let row = Math.max(0, y); row < Math.min(image.height, y + height); row++) {
    const start = row * image.width
    image.pixels.fill(grey, start + Math.max(0, x), start + Math.min(image.width, x + width))
  }
}

/** An 8-bit greyscale PNG (ISO/IEC 15948): signature, IHDR, one IDAT, IEND. */
export function encodePng(image: GreyImage): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(image.width, 0)
  header.writeUInt32BE(image.height, 4)
  header.set([8, 0, 0, 0, 0], 8) // bit depth 8, colour type 0 (grey), deflate, adaptive filter, no interlace
  // Each row starts with its filter type; 0 is "none".
  const raw = Buffer.alloc((image.width + 1) * image.height)
  for (let row = 0; row < image.height; row++) {
    raw.set(image.pixels.subarray(row * image.width, (row + 1) * image.width), row * (image.width + 1) + 1)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]))
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(8 + data.length + 4)
  out.writeUInt32BE(data.length, 0)
  typeAndData.copy(out, 4)
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length)
  return out
}
