/**
 * Right-to-left safety for user text shown next to our own words.
 *
 * An issuer may contain explicit direction controls: U+202E (RIGHT-TO-LEFT
 * OVERRIDE) makes "moc.nozama" display as "amazon.com", and an override
 * left open reorders whatever follows it on the line (the code, "(label)").
 * Such controls are removed; real right-to-left text (Arabic, Hebrew) is
 * kept, and isolated so it cannot move its neighbours (Unicode UAX #9,
 * "isolates": FSI … PDI, the same as HTML's `<bdi>`).
 */

// LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069).
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

const FSI = '\u2068'
const PDI = '\u2069'

/** The text without embedding, override or isolate controls. Marks (LRM, RLM) stay: they cannot span text. */
export function withoutDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '')
}

/** User text as a first-strong isolate, for plain-text places (menus, tooltips) that have no `<bdi>`. */
export function isolate(text: string): string {
  const clean = withoutDirectionControls(text)
  return clean ? `${FSI}${clean}${PDI}` : ''
}
