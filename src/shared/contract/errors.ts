import { z } from 'zod'
import { API_ERROR_KINDS } from './api-error'

/**
 * Every error that crosses the boundary, as data. Electron rewrites the
 * message of a thrown error, so nothing relies on throws across IPC. The
 * kinds and apiError() are in api-error.ts, without zod (the renderer's
 * first script uses them).
 */
export const ApiErrorKind = z.enum(API_ERROR_KINDS)
export type ApiErrorKind = z.infer<typeof ApiErrorKind>

export const ApiError = z.object({
  kind: ApiErrorKind,
  /** Plain-language message for the user. */
  message: z.string(),
  /** For input errors: which field was wrong. */
  field: z.string().optional(),
  /** For text input errors: 0-based character position of the first problem. */
  position: z.number().int().nonnegative().optional(),
})
export type ApiError = z.infer<typeof ApiError>
