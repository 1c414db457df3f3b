/**
 * What a link is, in words, when it turned up where an authenticator key
 * belongs (pasted into Add, or inside a QR code): "a web link
 * (sellercentral.amazon.com)", "a link (ftp://…)". Null when the text is
 * not a link. The usual mistake is a web page's address.
 */
export function describeLink(text: string): string | null {
  const link = /^\s*([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)/i.exec(text)
  if (!link) return null
  const scheme = link[1]!.toLowerCase()
  const host = link[2]!
  return scheme === 'http' || scheme === 'https' ? `a web link${host ? ` (${host})` : ''}` : `a link (${scheme}://…)`
}

/** Where the key is, for any "not an authenticator key" message. */
export const WHERE_THE_KEY_IS = `On the site's set-up page, copy the key shown under "Can't scan the barcode?" (letters A–Z and digits 2–7), or its otpauth:// link.`
