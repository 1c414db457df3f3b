/**
 * What web mode's server needs of the contract (zod) to answer a tab: the
 * check of each frame a tab sends, and the reply to a request that failed
 * inside. Loaded by server.ts when the first frame comes, not before it
 * listens: by then the services have loaded the contract anyway.
 */
import { apiError, type ApiError } from '../../shared/contract'
import { ClientFrame } from '../../shared/wire'
import type { RawData } from 'ws'

/** A frame as the tab's shim sends it, or null for anything else (not JSON, binary, the wrong shape). */
export function readClientFrame(data: RawData, isBinary: boolean): ClientFrame | null {
  let json: unknown
  try {
    json = isBinary ? undefined : JSON.parse(data.toString())
  } catch {
    json = undefined
  }
  const frame = ClientFrame.safeParse(json)
  return frame.success ? frame.data : null
}

/** The reply when dispatch itself threw: a bug on this side, logged there, never described to the tab. */
export const internalError = (): ApiError => apiError('internal', 'Something went wrong inside SellerGuard.')
