import { MAX_ICON_IMAGE_BYTES, MAX_ICON_IMAGE_SIDE, type IconImage } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { readImageHeader } from '../qr/image-header'

export { MAX_ICON_IMAGE_BYTES, MAX_ICON_IMAGE_SIDE }

export type IconImageType = IconImage['mimeType']

export type IconImageInfo = Readonly<{ mimeType: IconImageType; width: number; height: number }>

export type IconImageError =
  | Readonly<{ kind: 'too-large'; bytes: number }>
  | Readonly<{ kind: 'not-an-image' }>
  | Readonly<{ kind: 'too-many-pixels'; width: number; height: number }>

/**
 * What a user's icon file really is, from its bytes (never its name or the
 * type the renderer claims): PNG, JPEG or WebP of at most
 * `MAX_ICON_IMAGE_BYTES` and `MAX_ICON_IMAGE_SIDE` pixels a side. SVG is
 * refused (it is a document that can carry script and remote references),
 * as are GIF and BMP (no reason to keep an animation or a raw bitmap).
 */
export function checkIconImage(bytes: Uint8Array): Result<IconImageInfo, IconImageError> {
  if (bytes.length > MAX_ICON_IMAGE_BYTES) return err({ kind: 'too-large', bytes: bytes.length })
  const header = readWebpHeader(bytes) ?? readPngOrJpeg(bytes)
  if (header === null) return err({ kind: 'not-an-image' })
  if (header.width > MAX_ICON_IMAGE_SIDE || header.height > MAX_ICON_IMAGE_SIDE) return err({ kind: 'too-many-pixels', width: header.width, height: header.height })
  return ok(header)
}

/** The error in words for the edit dialog. */
export function iconImageMessage(error: IconImageError): string {
  switch (error.kind) {
    case 'too-large':
      return `That image is ${Math.ceil(error.bytes / 1024)} KB; use one of at most ${MAX_ICON_IMAGE_BYTES / 1024} KB.`
    case 'not-an-image':
      return 'That file is not a PNG, JPEG or WebP image.'
    case 'too-many-pixels':
      return `That image is ${error.width}×${error.height} pixels; use one of at most ${MAX_ICON_IMAGE_SIDE}×${MAX_ICON_IMAGE_SIDE}.`
  }
}

function readPngOrJpeg(bytes: Uint8Array): IconImageInfo | null {
  const header = readImageHeader(bytes)
  if (header?.format === 'png') return { mimeType: 'image/png', width: header.width, height: header.height }
  if (header?.format === 'jpeg') return { mimeType: 'image/jpeg', width: header.width, height: header.height }
  return null
}

/**
 * WebP (RIFF container, https://developers.google.com/speed/webp/docs/riff_container):
 * "RIFF", size, "WEBP", then the first chunk says how the size is stored —
 * VP8 (lossy: 14-bit width and height after the frame start code),
 * VP8L (lossless: 14-bit width−1 and height−1 packed after the 0x2F signature),
 * VP8X (extended: 24-bit canvas width−1 and height−1).
 */
export function readWebpHeader(bytes: Uint8Array): IconImageInfo | null {
  if (bytes.length < 30 || text(bytes, 0, 4) !== 'RIFF' || text(bytes, 8, 4) !== 'WEBP') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = (width: number, height: number): IconImageInfo | null => (width > 0 && height > 0 ? { mimeType: 'image/webp', width, height } : null)
  switch (text(bytes, 12, 4)) {
    case 'VP8 ':
      if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null
      return at(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
    case 'VP8L': {
      if (bytes[20] !== 0x2f) return null
      const bits = view.getUint32(21, true)
      return at((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
    }
    case 'VP8X':
      return at((view.getUint32(24, true) & 0xffffff) + 1, (view.getUint32(27, true) & 0xffffff) + 1)
    default:
      return null
  }
}

function text(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length))
}
