import { STEAM } from './params'

/**
 * Writes a dynamically truncated HMAC value (RFC 4226 section 5.3, the 31-bit
 * number before `mod 10^digits`) as a Steam Guard code: 5 characters of
 * Steam's 26-letter alphabet, least significant first. This is how Steam's
 * mobile authenticator does it; no RFC covers it.
 */
export function steamCharacters(truncated: number): string {
  const base = STEAM.alphabet.length
  let rest = truncated
  let code = ''
  for (let i = 0; i < STEAM.digits; i++) {
    code += STEAM.alphabet.charAt(rest % base)
    rest = Math.floor(rest / base)
  }
  return code
}
