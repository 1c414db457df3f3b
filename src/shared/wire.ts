import { z } from 'zod'
import { ApiError } from './contract/errors'

/**
 * Web mode's WebSocket frames. Electron mode does not use these: there the
 * same contract rides on `ipcRenderer.invoke` and `webContents.send`.
 */
export const WIRE_PROTOCOL = 'sellerguard.v1'
/** A session token travels as a second WebSocket sub-protocol, never in a URL the server logs. */
export const TOKEN_PROTOCOL_PREFIX = 'token.'
/** The printed link's one-time code, offered the same way on a tab's first connection. */
export const CODE_PROTOCOL_PREFIX = 'code.'

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
/** The first frame after a one-time code was spent: the session token this tab uses from now on. */
export const SessionFrame = z.object({ session: z.string().regex(/^[0-9a-f]{64}$/) })
export const ServerFrame = z.union([ReplyFrame, EventFrame, SessionFrame])
export type ServerFrame = z.infer<typeof ServerFrame>
