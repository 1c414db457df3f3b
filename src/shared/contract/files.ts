import { z } from 'zod'
import { MAX_FILE_DATA_LENGTH, MAX_FILE_NAME_LENGTH } from './limits'

/** File contents from the renderer: text as is, binary (images) as base64. Capped to keep the socket and IPC sane. */
export const FileData = z.object({
  name: z.string().max(MAX_FILE_NAME_LENGTH).optional(),
  encoding: z.enum(['text', 'base64']),
  data: z.string().max(MAX_FILE_DATA_LENGTH),
})
export type FileData = z.infer<typeof FileData>

/** A file for the renderer to offer for saving: main made `content`, the user picks where it goes. */
export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() })
export type ExportedFile = z.infer<typeof ExportedFile>
