import { describe, expect, it } from 'vitest'
import { parseServer } from './server-address'

describe('server address text', () => {
  it.each([
    ['time.google.com', 'time.google.com', 123, 'time.google.com:123'],
    ['Time.Google.com:1234', 'Time.Google.com', 1234, 'time.google.com:1234'],
    ['  127.0.0.1:12300 ', '127.0.0.1', 12300, '127.0.0.1:12300'],
    ['[::1]:12300', '::1', 12300, '[::1]:12300'],
    ['[2001:db8::1]', '2001:db8::1', 123, '[2001:db8::1]:123'],
    ['::1', '::1', 123, '[::1]:123'],
  ])('%s', (input, host, port, label) => {
    expect(parseServer(input)).toEqual({ ok: true, value: { host, port, label } })
  })

  it.each([
    ['', 'empty host'],
    [':123', 'empty host'],
    ['[::1', 'missing ]'],
    ['[::1]x', 'unexpected text after ]'],
    ['[example.com]:1', 'brackets hold an IPv6 address'],
    ['host:0', 'port must be 1..65535'],
    ['host:65536', 'port must be 1..65535'],
    ['host:12a', 'port must be a number'],
    ['host:', 'port must be a number'],
    ['bad host', 'not a host name or IP address'],
    ['fe80::1:123x', 'put an IPv6 address in brackets to give a port: [::1]:123'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseServer(input)).toEqual({ ok: false, error: { kind: 'bad-server', input, reason } })
  })
})
