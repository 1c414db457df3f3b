import { err, ok, type Result } from '../../shared/result'
import { percentDecode, type Decoded } from './percent'
import { badEscape, type UriError } from './uri-error'

/** Parameters we read; every other one (image, color, icon…) is ignored, as the Key URI Format expects. */
export const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder'] as const
export type KnownParameter = (typeof KNOWN_PARAMETERS)[number]

/** A decoded parameter value and the URI index where its value starts. */
export type Parameter = Readonly<{ value: Decoded; position: number }>

/**
 * Reads the query `a=b&c=d`, which starts at URI index `start`: names in any
 * case, values percent-decoded with `+` as a space. Keeps only the known
 * parameters, and refuses one given twice.
 */
export function readQuery(query: string, start: number): Result<ReadonlyMap<KnownParameter, Parameter>, UriError> {
  const params = new Map<KnownParameter, Parameter>()
  let at = 0
  for (const part of query.split('&')) {
    const partStart = start + at
    at += part.length + 1
    const equals = part.indexOf('=')
    const name = (equals < 0 ? part : part.slice(0, equals)).toLowerCase()
    if (!isKnown(name)) continue
    const valueAt = equals < 0 ? partStart + part.length : partStart + equals + 1
    const value = percentDecode(equals < 0 ? '' : part.slice(equals + 1), valueAt, true)
    if (!value.ok) return err(badEscape(value.error.position))
    if (params.has(name)) {
      return err({ kind: 'duplicate-parameter', position: partStart, name, message: `The link gives "${name}" twice, so it is unclear which one is meant.` })
    }
    params.set(name, { value: value.value, position: valueAt })
  }
  return ok(params)
}

function isKnown(name: string): name is KnownParameter {
  return (KNOWN_PARAMETERS as readonly string[]).includes(name)
}
