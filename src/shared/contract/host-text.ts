import { MAX_HOST_LENGTH, NTP_SERVER_PATTERN } from './limits'

/*
 * What is wrong with a time server or site as typed, in plain code without
 * zod: the contract's NtpServer and HttpsTimeHost are built on it, and the
 * renderer's settings form says the same words as the user types.
 */

/** How the messages name each: "Type a time server name." */
export const TIME_SERVER_NAME = 'time server name'
export const TIME_SITE_NAME = 'site name'

/** The port a `host:port` names, or null when it names none (`host`, `[::1]`, or a bare IPv6 literal). */
function portOf(text: string): string | null {
  const bracket = /^\[[^\]]*\](?::(.*))?$/.exec(text)
  if (bracket) return bracket[1] ?? null
  const colons = text.split(':').length - 1
  return colons === 1 ? text.slice(text.indexOf(':') + 1) : null
}

/** A host name or IP literal with an optional :port (1–65535): what is wrong with its form, or null. */
export function hostFormProblem(text: string): string | null {
  const port = portOf(text)
  if (port !== null && !/^\d{1,5}$/.test(port)) return `“${text}”: the port after “:” must be a number from 1 to 65535.`
  if (port !== null && (Number(port) < 1 || Number(port) > 65535)) return `“${text}”: port ${Number(port)} does not exist; ports go from 1 to 65535.`
  if (!NTP_SERVER_PATTERN.test(text)) return `“${text}” is not a host name or IP address (optionally with :port).`
  return null
}

/** The first thing wrong with a trimmed host as the contract checks it (length, then form), or null. */
export function hostProblem(text: string, what: string): string | null {
  if (text.length < 1) return `Type a ${what}.`
  if (text.length > MAX_HOST_LENGTH) return `A ${what} is at most ${MAX_HOST_LENGTH} characters.`
  return hostFormProblem(text)
}
