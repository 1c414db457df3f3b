import { z } from 'zod'
import { ApiError } from './contract/errors'

/**
 * Web mode's WebSocket frames. Electron mode does not use these: there the
 * same contract rides on `ipcRenderer.invoke` and `webContents.send`.
 */
export const WIRE_PROTOCOL = 'sellerguard.v1'
/** The per-run token travels as a second WebSocket sub-protocol, never in a URL the server logs. */
export const TOKEN_PROTOCOL_PREFIX = 'token.'

export const ClientFrame = z
  .object({
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    method: z.string().max(100),
    input: z.unknown().optional(),
  })
  .strict()
export type ClientFrame = z.infer<typeof ClientFrame>

export const ReplyFrame = z.object({
  id: z.number().int(),
  reply: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ApiError })]),
})
export const EventFrame = z.object({ event: z.string(), payload: z.unknown() })
export const ServerFrame = z.union([ReplyFrame, EventFrame])
export type ServerFrame = z.infer<typeof ServerFrame>
