import { readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader'
import { err, ok, type Result } from '../../shared/result'
import { readImageHeader } from './image-header'
import { resetReader, useLocalWasm } from './zxing-reader'

/** Largest image file accepted, bytes. A full-resolution phone photo is well under this. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024
/** Largest image accepted, pixels (width × height): a 48-MP phone photo is refused, a 12-MP one or an 8K screen is not. */
export const MAX_IMAGE_PIXELS = 40_000_000

/** Why no QR text came out of an image. `message` is plain language for the user. */
export type QrError =
  /** Not a PNG, JPEG, GIF or BMP file, or one that is damaged. */
  | Readonly<{ kind: 'not-an-image'; message: string }>
  | Readonly<{ kind: 'no-qr-found'; message: string }>
  /** Over `MAX_IMAGE_BYTES` (then `pixels` is null: the header was not read) or over `MAX_IMAGE_PIXELS`. */
  | Readonly<{ kind: 'too-large'; message: string; bytes: number; pixels: number | null }>
  /** The decoder itself could not run (its .wasm missing or damaged, out of memory, …): a fault, not the image's. */
  | Readonly<{ kind: 'decoder-failed'; message: string }>

/**
 * Tuned for screenshots and phone photos rather than speed: a user decodes
 * one image at a time. Only QR codes (including Micro QR and rMQR), so a
 * product barcode in the same photo is not reported.
 */
const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  // Look harder: more scan lines and finder-pattern candidates (photos, small codes in big screenshots).
  tryHarder: true,
  // A phone held sideways, or a photo whose EXIF orientation the decoder ignores.
  tryRotate: true,
  // Light-on-dark codes (dark-mode pages).
  tryInvert: true,
  // Large photos: also scan downscaled copies, where blur and noise average out.
  tryDownscale: true,
  // A screenshot may hold several codes; 0 would mean "no limit".
  maxNumberOfSymbols: 16,
}

/** What the decoder reports when its image loader (stb_image) cannot read the bytes. */
const LOAD_FAILURE = 'Failed to load image'

/**
 * Finds every QR code in an image file (PNG, JPEG, GIF or BMP bytes: a
 * screenshot, a photo, a pasted image) and returns their texts, top to
 * bottom as the decoder scans, without duplicates. Never throws.
 *
 * The file's header is checked before decoding, so an oversized image is
 * refused without allocating its pixels. Decoding runs synchronously inside
 * WebAssembly on the calling thread (measured here: ~20 ms for a 1280 × 800
 * screenshot, ~150 ms for a 12-MP photo, ~0.7 s at 36 MP; the very first
 * call adds ~0.1 s to start the module; `npx vitest bench --run src/main/qr`).
 */
export async function decodeQrImage(bytes: Uint8Array): Promise<Result<string[], QrError>> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return err(tooLarge(bytes.byteLength, null))
  const header = readImageHeader(bytes)
  if (!header) return err(notAnImage())
  const pixels = header.width * header.height
  if (pixels > MAX_IMAGE_PIXELS) return err(tooLarge(bytes.byteLength, pixels))

  let results: ReadResult[]
  try {
    useLocalWasm()
    results = await readBarcodes(bytes, READER_OPTIONS)
  } catch (error) {
    resetReader()
    return err({ kind: 'decoder-failed', message: `The QR code reader could not run: ${describe(error)}` })
  }
  // A file the loader cannot open comes back as one invalid result rather than a throw.
  if (results.some((result) => !result.isValid && result.error.startsWith(LOAD_FAILURE))) return err(notAnImage())
  const texts = [...new Set(results.filter((result) => result.isValid).map((result) => result.text))]
  if (texts.length === 0) return err({ kind: 'no-qr-found', message: 'No QR code was found in the image. Make sure the whole code is visible, sharp and not too small.' })
  return ok(texts)
}

function notAnImage(): QrError {
  return { kind: 'not-an-image', message: 'This is not an image the app can read (PNG, JPEG, GIF or BMP), or the file is damaged.' }
}

function tooLarge(bytes: number, pixels: number | null): QrError {
  const megabytes = Math.round(MAX_IMAGE_BYTES / (1024 * 1024))
  const message =
    pixels === null
      ? `The image file is larger than ${megabytes} MB. Crop it or take a smaller screenshot.`
      : `The image has more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Crop it or take a smaller screenshot.`
  return { kind: 'too-large', message, bytes, pixels }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
