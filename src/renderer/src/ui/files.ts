import { apiError, fileTooLarge, MAX_FILE_DATA_LENGTH, type ApiError, type FileData, type Result } from '../contract'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const wireBytes = new TextEncoder()

/** A file over the contract's limit is refused here, before it is read or sent, with its size and the limit. */
function refused(file: File): Result<never, ApiError> | null {
  const problem = fileTooLarge(file.name, file.size)
  return problem ? { ok: false, error: apiError('invalid-input', problem, { field: 'file' }) } : null
}

/**
 * Reads a picked, dropped or pasted file for main: UTF-8 text as text,
 * anything else (images, KeePass databases, zips, encrypted backups, UTF-16
 * text) as base64 of its bytes, which main reads by their content. Every
 * file within the limit fits the request limit: text whose JSON would pass
 * the data limit (many escaped control characters) goes as base64 too.
 */
export async function readFileData(file: File): Promise<Result<FileData, ApiError>> {
  const tooLarge = refused(file)
  if (tooLarge) return tooLarge
  const bytes = new Uint8Array(await file.arrayBuffer())
  const isImage = file.type.startsWith('image/') || /\.(png|jpe?g|gif|bmp|webp)$/i.test(file.name)
  if (!isImage) {
    try {
      const text = utf8.decode(bytes)
      if (wireBytes.encode(JSON.stringify(text)).length <= MAX_FILE_DATA_LENGTH) return { ok: true, value: { name: file.name, encoding: 'text', data: text } }
    } catch {
      // Not UTF-8: send the bytes.
    }
  }
  return { ok: true, value: asBase64(file.name, bytes) }
}

/** A file's exact bytes, as base64 (a KeePass key file: any byte changed is another key). */
export async function readFileBytes(file: File): Promise<Result<FileData, ApiError>> {
  return refused(file) ?? { ok: true, value: asBase64(file.name, new Uint8Array(await file.arrayBuffer())) }
}

function asBase64(name: string, bytes: Uint8Array): FileData {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { name, encoding: 'base64', data: btoa(binary) }
}

/** Offers text to save as a file (the browser's or Electron's download). */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
