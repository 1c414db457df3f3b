import { err, ok, type Result } from '../../shared/result'

/** A decoded URI component and, for each UTF-16 unit of it, where it came from. */
export type Decoded = Readonly<{
  text: string
  /** `sources[i]`: index in the whole URI of the character or escape that produced `text[i]`. */
  sources: readonly number[]
}>

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * RFC 3986 section 2.1 percent-decoding of `raw`, which starts at index
 * `start` of the URI. Escapes are UTF-8 (RFC 3986 section 2.5). With
 * `plusIsSpace`, `+` means a space, as in HTML form encoding
 * (application/x-www-form-urlencoded), which many otpauth generators use in
 * the query; in the path a `+` is literal (think `alice+shop@example.com`).
 * Fails with the URI index of a broken escape or invalid UTF-8.
 */
export function percentDecode(raw: string, start: number, plusIsSpace: boolean): Result<Decoded, { position: number }> {
  let text = ''
  const sources: number[] = []
  let i = 0
  while (i < raw.length) {
    const char = raw.charAt(i)
    if (char !== '%') {
      text += plusIsSpace && char === '+' ? ' ' : char
      sources.push(start + i)
      i++
      continue
    }
    // A run of escapes is decoded together: one character may take up to four UTF-8 bytes.
    const runStart = i
    const bytes: number[] = []
    while (i < raw.length && raw.charAt(i) === '%') {
      const hex = raw.slice(i + 1, i + 3)
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return err({ position: start + i })
      bytes.push(parseInt(hex, 16))
      i += 3
    }
    let decoded: string
    try {
      decoded = utf8.decode(new Uint8Array(bytes))
    } catch {
      return err({ position: start + runStart })
    }
    text += decoded
    for (let unit = 0; unit < decoded.length; unit++) sources.push(start + runStart)
  }
  return ok({ text, sources })
}

/** Percent-encodes a URI component (a name, a group); lone UTF-16 surrogates (which cannot be encoded) become U+FFFD. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
}
