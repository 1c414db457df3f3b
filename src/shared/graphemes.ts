const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The user-perceived characters of a text: an emoji family or "e" + combining accent is one. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

export function graphemeLength(text: string): number {
  return graphemes(text).length
}

/** At most `max` graphemes, ending in "…" when cut; never splits an emoji or an accented letter. */
export function truncate(text: string, max: number): string {
  const parts = graphemes(text)
  if (parts.length <= max) return text
  if (max <= 1) return '…'
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`
}
