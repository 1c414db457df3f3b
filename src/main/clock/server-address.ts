import { isIP } from 'node:net'
import { err, ok, type Result } from '../../shared/result'

export const NTP_PORT = 123

export type ServerAddress = Readonly<{
  /** Host name or IP literal, without brackets. */
  host: string
  port: number
  /** Canonical text, `host:port` or `[v6]:port`: the server's name in results and back-off. */
  label: string
}>

export type ServerAddressError = Readonly<{ kind: 'bad-server'; input: string; reason: string }>

/**
 * Parses a server as the user typed it: `host`, `host:port`, `[v6]`,
 * `[v6]:port`, or a bare IPv6 literal such as `::1` (port 123 then, since
 * the colons are the address's own). `defaultPort`: 123 for NTP, 443 for an HTTPS host.
 */
export function parseServer(input: string, defaultPort = NTP_PORT): Result<ServerAddress, ServerAddressError> {
  const text = input.trim()
  const fail = (reason: string) => err({ kind: 'bad-server' as const, input, reason })
  let host: string
  let portText: string | null = null

  if (text.startsWith('[')) {
    const close = text.indexOf(']')
    if (close === -1) return fail('missing ]')
    host = text.slice(1, close)
    const rest = text.slice(close + 1)
    if (rest !== '') {
      if (!rest.startsWith(':')) return fail('unexpected text after ]')
      portText = rest.slice(1)
    }
    if (isIP(host) !== 6) return fail('brackets hold an IPv6 address')
  } else if (isIP(text) === 6) {
    host = text
  } else {
    const colon = text.lastIndexOf(':')
    host = colon === -1 ? text : text.slice(0, colon)
    if (colon !== -1) portText = text.slice(colon + 1)
    if (host === '') return fail('empty host')
    if (host.includes(':')) return fail('put an IPv6 address in brackets to give a port: [::1]:123')
    if (!/^[A-Za-z0-9.-]+$/.test(host) || host.length > 253) return fail('not a host name or IP address')
  }

  let port = defaultPort
  if (portText !== null) {
    if (!/^\d{1,5}$/.test(portText)) return fail('port must be a number')
    port = Number(portText)
    if (port < 1 || port > 65535) return fail('port must be 1..65535')
  }
  const label = `${isIP(host) === 6 ? `[${host}]` : host.toLowerCase()}:${port}`
  return ok({ host, port, label })
}
