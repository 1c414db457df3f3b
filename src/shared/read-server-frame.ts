import { API_ERROR_KINDS } from './contract/api-error'
import type { ApiError, ApiErrorKind } from './contract/errors'
import type { ServerFrame } from './wire'

/*
 * The page's check of web mode's frames, in plain code: it takes exactly
 * what wire.ts' ServerFrame schema takes and gives what its parse gives
 * (unknown keys dropped), without loading zod into the page (a test holds
 * the two equal over generated frames).
 */

const SESSION = /^[0-9a-f]{64}$/
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isKind = (x: unknown): x is ApiErrorKind => typeof x === 'string' && (API_ERROR_KINDS as readonly string[]).includes(x)

function readError(x: unknown): ApiError | null {
  if (!isRecord(x) || !isKind(x.kind) || typeof x.message !== 'string') return null
  if (x.field !== undefined && typeof x.field !== 'string') return null
  if (x.position !== undefined && !(Number.isSafeInteger(x.position) && (x.position as number) >= 0)) return null
  return { kind: x.kind, message: x.message, ...('field' in x ? { field: x.field as string | undefined } : {}), ...('position' in x ? { position: x.position as number | undefined } : {}) }
}

function readReply(x: unknown): Extract<ServerFrame, { id: number }>['reply'] | null {
  if (!isRecord(x)) return null
  // `value` and `payload` must be there (as the schema's z.unknown() keys), whatever they hold.
  if (x.ok === true) return 'value' in x ? { ok: true, value: x.value } : null
  const error = x.ok === false ? readError(x.error) : null
  return error ? { ok: false, error } : null
}

/** A frame from web mode's server as the page may take it, or null for anything else. */
export function readServerFrame(raw: unknown): ServerFrame | null {
  if (!isRecord(raw)) return null
  if (Number.isSafeInteger(raw.id)) {
    const reply = readReply(raw.reply)
    if (reply) return { id: raw.id as number, reply }
  }
  if (typeof raw.event === 'string' && 'payload' in raw) return { event: raw.event, payload: raw.payload }
  if (typeof raw.session === 'string' && SESSION.test(raw.session)) return { session: raw.session }
  return null
}
