/** Longest account label in the tray menu, in user-perceived characters (graphemes), before escaping. */
export const MAX_ACCOUNT_LABEL = 48

/** When both are long, the label still keeps this many characters (enough to tell two mailboxes apart). */
const MIN_LABEL = 12

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/*
 * Printable ASCII: every character is a grapheme of its own (UAX #29 breaks
 * between any two of them; CR LF, the one ASCII pair it joins, is not
 * printable). Most names are, and segmenting 1,000 of them costs ~60 ms.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('')
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

/**
 * Text as a single menu line: control characters (newlines, and tabs,
 * which a Windows menu treats as the start of the shortcut column) become
 * spaces, runs of spaces collapse, the ends are trimmed.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim()
}

/** At most `max` graphemes, ending in "…" when cut; never splits an emoji or an accented letter. */
export function truncate(text: string, max: number): string {
  const parts = graphemes(text)
  if (parts.length <= max) return text
  if (max <= 1) return '…'
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`
}

export function graphemeLength(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : graphemes(text).length
}

/**
 * Escapes `&` for an Electron menu label.
 *
 * On Windows and Linux a single `&` marks the next letter as the item's
 * mnemonic (Alt+letter) and is not shown; `&&` shows one `&`. Electron's
 * macOS menus run labels through Chromium's `FixUpWindowsStyleLabel`
 * (shell/browser/ui/cocoa/electron_menu_controller.mm), which drops a
 * single `&` the same way — so "Smith & Co" would read "Smith  Co"
 * everywhere. The rule is therefore the same on every platform: double
 * each `&` in user text. Labels we write ourselves contain no `&`.
 */
export function escapeMnemonics(label: string): string {
  return label.replaceAll('&', '&&')
}

/**
 * "Issuer (label)" for an account, on one line and at most `max`
 * graphemes: the label is shortened first (the issuer is what the eye
 * scans for), down to `MIN_LABEL` characters; only then is the issuer
 * shortened too. A label equal to the issuer is shown once. NOT escaped: call
 * `escapeMnemonics` on the result, after truncating, so a cut can never
 * split an `&&` pair.
 */
export function accountLabel(issuer: string, label: string, max = MAX_ACCOUNT_LABEL): string {
  const i = oneLine(issuer)
  const l = oneLine(label)
  if (!i && !l) return 'Unnamed account'
  if (!l || l.toLocaleLowerCase() === i.toLocaleLowerCase()) return truncate(i, max)
  if (!i) return truncate(l, max)
  const full = `${i} (${l})`
  if (graphemeLength(full) <= max) return full
  // " (" and ")" take 3 of `max`; the label gets what the issuer leaves, but at least MIN_LABEL.
  const labelRoom = Math.min(graphemeLength(l), Math.max(MIN_LABEL, max - 3 - graphemeLength(i)))
  const shownIssuer = truncate(i, Math.max(1, max - 3 - labelRoom))
  const room = max - 3 - graphemeLength(shownIssuer)
  return `${shownIssuer} (${truncate(l, room)})`
}
