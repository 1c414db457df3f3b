import { useState } from 'react'
import type { FileData, ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { readFileData } from '../../ui/files'

export type ImportFileFlow = Readonly<{
  /** The file being read, once it needs a password (the form asks for it). */
  file: FileData | null
  needsPassword: boolean
  error: string | null
  /** Reads a chosen or dropped file; true once its preview is handed on, false if it needs a password or failed. */
  pick(file: File): Promise<boolean>
  /** Reads the file again with its password (and a KeePass key file). */
  unlock(password: string, keyFile: FileData | null): Promise<boolean>
  /** Shows why a file (a key file) could not be read. */
  refuse(message: string): void
}>

const isImage = (file: File) => file.type.startsWith('image/') || /\.(png|jpe?g|gif|bmp|webp)$/i.test(file.name)

/**
 * Reading an export file in main (a QR code image goes to the QR reader),
 * asking for its password when it has one, and handing the preview on.
 * Nothing is added here. One flow per place that offers import.
 */
export function useImportFile(onPreview: (preview: ImportPreview) => void): ImportFileFlow {
  const [file, setFile] = useState<FileData | null>(null)
  const [needsPassword, setNeedsPassword] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const previewImport = useStore((s) => s.previewImport)
  const previewImage = useStore((s) => s.previewImage)

  async function read(data: FileData, image: boolean, password = '', keyFile: FileData | null = null): Promise<boolean> {
    setError(null)
    const reply = image ? await previewImage({ file: data }) : await previewImport({ file: data, ...(password ? { password } : {}), ...(keyFile ? { keyFile } : {}) })
    if (reply.ok) {
      setNeedsPassword(false)
      onPreview(reply.value)
      return true
    }
    if (reply.error.field === 'password') setNeedsPassword(true)
    setError(reply.error.message)
    return false
  }

  return {
    file,
    needsPassword,
    error,
    async pick(picked) {
      const data = await readFileData(picked)
      setNeedsPassword(false)
      if (!data.ok) {
        setFile(null)
        setError(data.error.message)
        return false
      }
      setFile(data.value)
      return read(data.value, isImage(picked))
    },
    unlock: (password, keyFile) => (file ? read(file, false, password, keyFile) : Promise.resolve(false)),
    refuse: setError,
  }
}
