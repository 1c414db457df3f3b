import { describeLink } from '../otp/not-a-key'

/** Whether a QR code's text is an authenticator link (one account, or a Google Authenticator export). */
export function isAuthenticatorLink(text: string): boolean {
  return /^\s*otpauth(-migration)?:/i.test(text)
}

/**
 * The message for an image whose QR codes hold no authenticator link: says
 * what they do hold ("This QR code holds a web link (example.com), not an
 * authenticator key."), so the user knows they scanned the wrong code.
 */
export function notAuthenticatorQrMessage(texts: readonly string[]): string {
  const held = [...new Set(texts.map((text) => describeLink(text) ?? 'text'))]
  const what = held.length === 1 ? held[0]! : `${held.slice(0, -1).join(', ')} and ${held.at(-1)!}`
  const which = texts.length === 1 ? 'This QR code holds' : `The ${texts.length} QR codes in the image hold`
  return `${which} ${what}, not an authenticator key. Use the QR code the site shows when you set up an authenticator app.`
}
