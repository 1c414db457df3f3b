import { err, ok, type Result } from '../../shared/result'

/*
 * Small readers for JSON from other apps. Their files are untrusted input:
 * every field may be missing, null, of another type, or absurdly large, so
 * nothing here assumes a shape, and nothing throws.
 */

export type JsonObject = Readonly<Record<string, unknown>>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `JSON.parse` without the throw; the error is the parser's own reason. */
export function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown)
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e))
  }
}

/** A string field, or `undefined` when it is missing or not a string. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key]
  return typeof value === 'string' ? value : undefined
}

/** A finite number field, or `undefined`. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function objectField(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key]
  return isObject(value) ? value : undefined
}

export function arrayField(object: JsonObject, key: string): readonly unknown[] | undefined {
  const value = object[key]
  return Array.isArray(value) ? value : undefined
}

/** Joins issuer and account name for an entry error, e.g. "Amazon / seller@example.com". */
export function displayName(issuer: string | undefined, label: string | undefined): string | undefined {
  const parts = [issuer, label].map((part) => (part ?? '').trim().slice(0, 100)).filter((part) => part !== '')
  return parts.length > 0 ? parts.join(' / ') : undefined
}
