/**
 * The image formats the decoder can open, told apart by their magic numbers.
 * These are the formats ZXing-C++'s bundled stb_image reads that carry a
 * signature; it also reads TGA and PNM, which have none worth trusting, and
 * not WebP or TIFF.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp'

/** What the file header says: the format and the size in pixels. */
export type ImageHeader = Readonly<{ format: ImageFormat; width: number; height: number }>

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Reads the format and pixel size from the first bytes of an image file,
 * without decoding it, so a decompression bomb (a small file that claims a
 * huge size) is refused before any pixel buffer is allocated. Returns null
 * for anything that is not one of the formats above or whose header is
 * cut short or claims a zero size.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const header = readKnownHeader(bytes)
  return header && header.width > 0 && header.height > 0 ? header : null
}

function readKnownHeader(bytes: Uint8Array): ImageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes, view)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes, view)
  if (startsWithText(bytes, 'GIF87a') || startsWithText(bytes, 'GIF89a')) return readGif(view)
  if (startsWithText(bytes, 'BM')) return readBmp(view)
  return null
}

/** PNG (ISO/IEC 15948): the signature, then IHDR must be the first chunk, width and height big-endian. */
function readPng(bytes: Uint8Array, view: DataView): ImageHeader | null {
  if (bytes.length < 24 || textAt(bytes, 12, 4) !== 'IHDR') return null
  return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) }
}

/** GIF89a: the logical screen size, little-endian, right after the 6-byte signature. */
function readGif(view: DataView): ImageHeader | null {
  if (view.byteLength < 10) return null
  return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
}

/** BMP: the DIB header's size says whether it is the old OS/2 core header (16-bit sizes) or a later one. */
function readBmp(view: DataView): ImageHeader | null {
  if (view.byteLength < 26) return null
  if (view.getUint32(14, true) === 12) return { format: 'bmp', width: view.getUint16(18, true), height: view.getUint16(20, true) }
  // A negative height means the rows are stored top-down.
  return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) }
}

/**
 * JPEG (ITU T.81 annex B): walk the marker segments until a start-of-frame,
 * which holds the height then the width. Markers SOF0–SOF15 except DHT (C4),
 * JPG (C8) and DAC (CC). Reaching the scan data (SOS) first means no frame.
 */
function readJpeg(bytes: Uint8Array, view: DataView): ImageHeader | null {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] ?? 0
    // 0xFF fill bytes may pad the gap before a marker.
    if (marker === 0xff) {
      at += 1
      continue
    }
    // Markers without a length: TEM and RST0–RST7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xda || marker === 0xd9) return null
    const length = view.getUint16(at + 2)
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null
      return { format: 'jpeg', width: view.getUint16(at + 7), height: view.getUint16(at + 5) }
    }
    at += 2 + length
  }
  return null
}

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)
}

function startsWithText(bytes: Uint8Array, prefix: string): boolean {
  return textAt(bytes, 0, prefix.length) === prefix
}

function textAt(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length))
}
