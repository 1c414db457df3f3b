import type { FileData } from '../contract'

/** Reads a picked, dropped or pasted file for main: images as base64, everything else as text. */
export async function readFileData(file: File): Promise<FileData> {
  const isImage = file.type.startsWith('image/') || /\.(png|jpe?g|gif|bmp|webp)$/i.test(file.name)
  if (!isImage) return { name: file.name, encoding: 'text', data: await file.text() }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { name: file.name, encoding: 'base64', data: btoa(binary) }
}

export const isImageData = (file: FileData) => file.encoding === 'base64'

/** Offers text to save as a file (the browser's or Electron's download). */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
