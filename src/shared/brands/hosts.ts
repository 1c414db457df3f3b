import { fold } from '../account-kinds'

/**
 * Second-level labels under which country registries sell names
 * ("amazon.co.uk", "amazon.com.mx", "rakuten.co.jp"). Enough for the
 * brands SellerGuard knows; not the whole Public Suffix List.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ne', 'or', 'ac', 'gov', 'gob', 'edu', 'ltd', 'plc', 'go'])

// A host is two or more dot-separated labels ending in a letters-only TLD.
// Not preceded by "@" (an e-mail address: the mailbox provider says nothing
// about the site the account is for), a letter, digit, dot or hyphen.
export const HOST = /(?<![@\p{L}\p{N}.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\p{L}\p{N}-]|\.[a-z0-9])/gu

/** Host names written in free text ("sellercentral.amazon.de", "https://kdp.amazon.com/…"), lower-case, in order. */
export function hostsIn(text: string): string[] {
  return Array.from(fold(text).matchAll(HOST), (m) => m[1]!)
}

/** The host without its public suffix: "sellercentral.amazon.co.uk" → "sellercentral.amazon". */
export function withoutPublicSuffix(host: string): string {
  const labels = host.split('.')
  const last = labels.at(-1) ?? ''
  const drop = labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 2 : 1
  return labels.slice(0, Math.max(1, labels.length - drop)).join('.')
}

/** The public suffix of a host: "amazon.co.uk" → "co.uk", "amazon.de" → "de". */
export function publicSuffix(host: string): string {
  const kept = withoutPublicSuffix(host)
  return host.length > kept.length ? host.slice(kept.length + 1) : ''
}

/** "signin.aws.amazon" → ["signin.aws.amazon", "aws.amazon", "amazon"]: most specific first. */
export function domainChain(name: string): string[] {
  const labels = name.split('.')
  return labels.map((_, i) => labels.slice(i).join('.'))
}
