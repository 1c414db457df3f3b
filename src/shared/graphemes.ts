// Made on first use (a name that is not printable ASCII), not at start: building it loads ICU's break data.
let segmenter: Intl.Segmenter | null = null

/*
 * Printable ASCII: every character is a grapheme of its own (UAX #29 breaks
 * between any two of them; CR LF, the one ASCII pair it joins, is not
 * printable). Most names are, and segmenting 1,000 of them costs ~60 ms.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** The user-perceived characters of a text: an emoji family or "e" + combining accent is one. */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('')
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

export function graphemeLength(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : graphemes(text).length
}

/** At most `max` graphemes, ending in "…" when cut; never splits an emoji or an accented letter. */
export function truncate(text: string, max: number): string {
  const parts = graphemes(text)
  if (parts.length <= max) return text
  if (max <= 1) return '…'
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`
}
