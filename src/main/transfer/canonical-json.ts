/**
 * A JSON text with one spelling per value, so it can be authenticated: object
 * keys sorted by UTF-16 code units, no whitespace, strings and numbers as
 * `JSON.stringify` writes them. For the values we use (strings and integers)
 * this is RFC 8785 (JSON Canonicalization Scheme). Only for small, validated
 * values: recursion follows the value's depth.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
