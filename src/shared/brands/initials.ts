import { withoutDirectionControls } from '../bidi'
import { graphemes } from '../graphemes'

/**
 * Initials for a letter badge: "Amazon Seller Central" → "AS", "kdp" → "KD",
 * "🦊 Fox Shop" → "🦊F". Split by grapheme (`Intl.Segmenter`), so an emoji,
 * a flag or a letter with a combining accent is never cut in half (which
 * showed "�A"); direction controls are dropped first.
 */
export function initials(name: string): string {
  const words = withoutDirectionControls(name.normalize('NFC'))
    .trim()
    .split(/[\s._@()[\]/\\,;:|+-]+/u)
    .filter((w) => /[\p{L}\p{N}\p{So}]/u.test(w))
  if (words.length === 0) return '?'
  const first = graphemes(words[0]!).filter(visible)
  const letters = words.length === 1 ? first.slice(0, 2) : [first[0] ?? '', graphemes(words[1]!).filter(visible)[0] ?? '']
  const text = letters.join('').toLocaleUpperCase()
  return text || '?'
}

// Skips invisible format characters (zero-width joiners on their own, marks).
const visible = (g: string) => /[\p{L}\p{N}\p{So}\p{Sk}]/u.test(g)
