import { isolate } from '../../shared/bidi'
import { graphemeLength, truncate } from '../../shared/graphemes'
import { oneLine } from '../../shared/one-line'

/** Longest account label in the tray menu, in user-perceived characters (graphemes), before escaping. */
export const MAX_ACCOUNT_LABEL = 48

/** When both are long, the label still keeps this many characters (enough to tell two mailboxes apart). */
const MIN_LABEL = 12

export { graphemeLength, oneLine, truncate }

// Scripts written right to left (Unicode Bidi_Class R or AL letters).
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u

/**
 * User text for a menu line, which has no `<bdi>`: a name written right to
 * left is put in a first-strong isolate (FSI … PDI) so it cannot carry
 * "(label)" or our own words along with it; left-to-right text is left as
 * it is. Direction controls the user text carried are already gone (`oneLine`).
 */
export function isolateRtl(text: string): string {
  return RTL.test(text) ? isolate(text) : text
}

/** Graphemes `isolateRtl` adds to this text (FSI and PDI are one each). */
const isolateCost = (text: string) => (RTL.test(text) ? 2 : 0)

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
 * "Issuer (label)" for an account, on one line and at most `limit`
 * graphemes: the label is shortened first (the issuer is what the eye
 * scans for), down to `MIN_LABEL` characters; only then is the issuer
 * shortened too. A label equal to the issuer is shown once. Right-to-left
 * parts are isolated (`isolateRtl`), and the two isolate marks count in `limit`. NOT escaped: call
 * `escapeMnemonics` on the result, after truncating, so a cut can never
 * split an `&&` pair.
 */
export function accountLabel(issuer: string, label: string, limit = MAX_ACCOUNT_LABEL): string {
  const i = oneLine(issuer)
  const l = oneLine(label)
  if (!i && !l) return 'Unnamed account'
  if (!l || l.toLocaleLowerCase() === i.toLocaleLowerCase()) return isolateRtl(truncate(i, limit - isolateCost(i)))
  if (!i) return isolateRtl(truncate(l, limit - isolateCost(l)))
  const max = limit - isolateCost(i) - isolateCost(l)
  if (graphemeLength(i) + graphemeLength(l) + 3 <= max) return `${isolateRtl(i)} (${isolateRtl(l)})`
  // " (" and ")" take 3 of `max`; the label gets what the issuer leaves, but at least MIN_LABEL.
  const labelRoom = Math.min(graphemeLength(l), Math.max(MIN_LABEL, max - 3 - graphemeLength(i)))
  const shownIssuer = truncate(i, Math.max(1, max - 3 - labelRoom))
  const room = max - 3 - graphemeLength(shownIssuer)
  return `${isolateRtl(shownIssuer)} (${isolateRtl(truncate(l, room))})`
}
