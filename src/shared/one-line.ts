import { withoutDirectionControls } from './bidi'

/**
 * Text as a single line: control characters (newlines, and tabs, which a
 * Windows menu treats as the start of the shortcut column) become spaces,
 * direction controls go (see `bidi.ts`), runs of spaces collapse, the ends
 * are trimmed.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return withoutDirectionControls(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim()
}
