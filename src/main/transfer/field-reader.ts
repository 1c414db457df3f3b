import { isObject, type JsonObject } from './json-read'

/*
 * Reads one entry of another app's export field by field, checking each
 * field's JSON type. A field that is missing (or null, which exporters write
 * for "no value") reads as `undefined`, so the format's documented default
 * applies. A field that is there with the wrong type is never defaulted: the
 * first such field becomes the entry's `problem`, naming the field and what
 * it holds, and the importer reports the entry instead of importing it
 * (Aegis `"digits": "8"` must not silently become 6 digits).
 */

export type FieldReader = Readonly<{
  string(key: string, options?: FieldOptions): string | undefined
  /** A finite JSON number (whole or not: the limits are checked later, with their own message). */
  number(key: string, options?: FieldOptions): number | undefined
  boolean(key: string, options?: FieldOptions): boolean | undefined
  /** A nested object, read by its own reader whose problems are this entry's. */
  object(key: string, options?: FieldOptions): FieldReader | undefined
  array(key: string, options?: FieldOptions): readonly unknown[] | undefined
  /** The raw object being read. */
  readonly value: JsonObject
  /** The first wrong field of this entry (nested readers included), or null. */
  problem(): string | null
  /** Records a problem found by the importer itself (a value of the right type that is still wrong). */
  fail(message: string): void
}>

export type FieldOptions = Readonly<{
  /** Never quote the value in a message: it is (part of) a secret. */
  secret?: boolean
}>

type Sink = { problem: string | null }

/** A reader over `object`; `path` prefixes field names in messages ("info" → "info.digits"). */
export function readFields(object: JsonObject, path = ''): FieldReader {
  return reader(object, path, { problem: null })
}

function reader(value: JsonObject, path: string, sink: Sink): FieldReader {
  const name = (key: string) => (path === '' ? key : `${path}.${key}`)
  function typed<T>(key: string, expected: string, accept: (raw: unknown) => raw is T, options: FieldOptions = {}): T | undefined {
    const raw = value[key]
    if (raw === undefined || raw === null) return undefined
    if (accept(raw)) return raw
    sink.problem ??= `The field "${name(key).slice(0, 60)}" holds ${describe(raw, options.secret === true)}, but must be ${expected}.`
    return undefined
  }
  return {
    value,
    string: (key, options) => typed(key, 'text', (raw): raw is string => typeof raw === 'string', options),
    number: (key, options) => typed(key, 'a number', (raw): raw is number => typeof raw === 'number' && Number.isFinite(raw), options),
    boolean: (key, options) => typed(key, 'true or false', (raw): raw is boolean => typeof raw === 'boolean', options),
    array: (key, options) => typed(key, 'a list', (raw): raw is unknown[] => Array.isArray(raw), options),
    object(key, options) {
      const nested = typed(key, 'an object', isObject, options)
      return nested === undefined ? undefined : reader(nested, name(key), sink)
    },
    problem: () => sink.problem,
    fail(message) {
      sink.problem ??= message
    },
  }
}

/** What a wrong value is, for a message: its type, and for short non-secret text or numbers the value itself. */
export function describe(raw: unknown, secret: boolean): string {
  if (typeof raw === 'string') return secret || raw.length > 24 ? 'text' : `the text "${raw}"`
  if (typeof raw === 'number') return secret ? 'a number' : `the number ${String(raw)}`
  if (typeof raw === 'boolean') return secret ? 'true or false' : String(raw)
  if (Array.isArray(raw)) return 'a list'
  return 'an object'
}
