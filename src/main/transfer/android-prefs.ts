import { err, ok, type Result } from '../../shared/result'

/*
 * Android SharedPreferences files (shared_prefs/*.xml), the form Aegis reads
 * Authy's and Battle.net's tokens in (beemdevelopment/Aegis
 * util/PreferenceParser.java): a <map> of <string name="k">text</string> and
 * <int|long|float|boolean name="k" value="v"/>. Only that shape is read; a
 * DOCTYPE (and with it any entity but XML's five and character references)
 * is refused, so the file cannot expand or reach outside itself.
 */

/** Whether the text is such a file (detection by content). */
export function looksLikeAndroidPrefs(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?<map\s*>/.test(text.slice(0, 4096))
}

const ENTRY = /<(string|int|long|float|boolean)\s+name="([^"]*)"(?:\s+value="([^"]*)")?\s*(?:\/>|>([\s\S]*?)<\/\1\s*>)/g

/** The file's entries by name; text and values with their entities decoded. */
export function readAndroidPrefs(text: string): Result<ReadonlyMap<string, string>, string> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return err('The file declares a document type, which preference files never do.')
  if (!looksLikeAndroidPrefs(text) || !/<\/map\s*>\s*$/.test(text)) return err('The file is not a complete Android preferences file.')
  const entries = new Map<string, string>()
  for (const match of text.matchAll(ENTRY)) {
    const [, , name = '', value, body] = match
    const decoded = decodeEntities(value ?? body ?? '')
    const key = decodeEntities(name)
    if (decoded === null || key === null) return err('The file has a character reference that is not valid.')
    entries.set(key, decoded)
  }
  return ok(entries)
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string | null {
  let failed = false
  const out = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      if (!Number.isInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) failed = true
      return failed ? '' : String.fromCodePoint(code)
    }
    const named = NAMED[ref]
    if (named === undefined) failed = true
    return named ?? whole
  })
  return failed ? null : out
}
