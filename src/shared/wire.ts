import { z } from 'zod'
import { ApiError } from './contract/errors'

/**
 * Web mode's WebSocket frames. Electron mode does not use these: there the
 * same contract rides on `ipcRenderer.invoke` and `webContents.send`.
 */
// The sub-protocol names live without zod in wire-protocol.ts (web mode's server takes them before the contract loads).
export { CODE_PROTOCOL_PREFIX, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from './wire-protocol'

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
