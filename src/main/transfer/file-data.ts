import { apiError, type ApiError, type FileData } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { decodeBase64 } from './encoding'

const NOT_INTACT = 'The file did not arrive intact (its data is not valid base64). Open it again.'

/** A file from the renderer as importers take it: text as it came, binary data decoded strictly. */
export function fileContent(file: FileData): Result<Uint8Array | string, ApiError> {
  if (file.encoding === 'text') return ok(file.data)
  const bytes = decodeBase64(file.data)
  return bytes ? ok(bytes) : err(apiError('invalid-input', NOT_INTACT))
}

/** A file from the renderer as bytes (an image to scan): text is taken as UTF-8. */
export function fileBytes(file: FileData): Result<Uint8Array, ApiError> {
  const content = fileContent(file)
  if (!content.ok) return content
  return ok(typeof content.value === 'string' ? new TextEncoder().encode(content.value) : content.value)
}
