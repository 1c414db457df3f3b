import type { KeyError } from './base32'

/**
 * Why an `otpauth://` URI was refused. `message` is plain language for the
 * user; `position` (where there is one) is the 0-based index in the URI text
 * as given, so the UI can point at the problem.
 */
export type UriError =
  | Readonly<{ kind: 'empty'; message: string }>
  | Readonly<{ kind: 'not-otpauth'; message: string; position: number }>
  | Readonly<{ kind: 'unknown-type'; message: string; position: number; type: string }>
  /** A `%` not followed by two hex digits, or escapes that are not UTF-8. */
  | Readonly<{ kind: 'bad-escape'; message: string; position: number }>
  /** A parameter we use appears twice: which one is meant is a guess, so we refuse. */
  | Readonly<{ kind: 'duplicate-parameter'; message: string; position: number; name: string }>
  | Readonly<{ kind: 'missing-secret'; message: string }>
  | Readonly<{ kind: 'bad-secret'; message: string; position: number; keyError: KeyError }>
  | Readonly<{ kind: 'bad-algorithm'; message: string; position: number; value: string }>
  | Readonly<{ kind: 'bad-digits'; message: string; position: number; value: string }>
  | Readonly<{ kind: 'bad-period'; message: string; position: number; value: string }>
  | Readonly<{ kind: 'missing-counter'; message: string }>
  | Readonly<{ kind: 'bad-counter'; message: string; position: number; value: string }>
  | Readonly<{ kind: 'name-too-long'; message: string; position: number; field: 'issuer' | 'label' }>

/** Every kind of `UriError`, e.g. for mapping onto the contract's error kinds. */
export type UriErrorKind = UriError['kind']

/** A `%` not followed by two hex digits, or escapes that are not UTF-8, at URI index `position`. */
export function badEscape(position: number): UriError {
  return { kind: 'bad-escape', position, message: `The link is damaged at character ${position + 1}: a "%" must be followed by two hex digits of UTF-8 text.` }
}
