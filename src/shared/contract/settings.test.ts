import { describe, expect, it } from 'vitest'
import { hostProblem, TIME_SERVER_NAME, TIME_SITE_NAME } from './host-text'
import { HttpsTimeHost, NtpServer, SettingsPatch } from './settings'

describe('time server names in the contract', () => {
  it.each(['time.google.com', 'time.google.com:123', '127.0.0.1:12300', '[::1]:123', '::1', '[2001:db8::1]', 'host:1', 'host:65535'])('accepts %j', (text) => {
    expect(NtpServer.safeParse(text).success).toBe(true)
  })

  it.each([
    ['host:99999', '“host:99999”: port 99999 does not exist; ports go from 1 to 65535.'],
    ['host:0', '“host:0”: port 0 does not exist; ports go from 1 to 65535.'],
    ['host:65536', '“host:65536”: port 65536 does not exist; ports go from 1 to 65535.'],
    ['[::1]:70000', '“[::1]:70000”: port 70000 does not exist; ports go from 1 to 65535.'],
    ['host:abc', '“host:abc”: the port after “:” must be a number from 1 to 65535.'],
    ['host:', '“host:”: the port after “:” must be a number from 1 to 65535.'],
    ['bad host', '“bad host” is not a host name or IP address (optionally with :port).'],
  ])('refuses %j, saying what is wrong', (text, message) => {
    const parsed = NtpServer.safeParse(text)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe(message)
  })

  it('a settings update with a bad port is refused with the port named', () => {
    const parsed = SettingsPatch.safeParse({ ntpServers: ['time.google.com', 'host:99999'] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['ntpServers', 1])
    expect(parsed.error?.issues[0]?.message).toMatch(/port 99999 does not exist/)
  })

  it('HTTPS time hosts are checked the same way', () => {
    expect(HttpsTimeHost.safeParse('sellercentral.amazon.com').success).toBe(true)
    expect(HttpsTimeHost.safeParse('127.0.0.1:8443').success).toBe(true)
    expect(HttpsTimeHost.safeParse('amazon.com:0').success).toBe(false)
  })

  it.each(['time.google.com', ' host:99999 ', 'host:0', '[::1]:70000', 'host:abc', 'host:', 'bad host', '', '   ', 'a'.repeat(254), `${'a'.repeat(250)}:99999`])(
    'hostProblem (the form, without zod) says what the schema says of %j',
    (text) => {
      for (const [schema, what] of [[NtpServer, TIME_SERVER_NAME], [HttpsTimeHost, TIME_SITE_NAME]] as const) {
        expect(hostProblem(text.trim(), what)).toBe(schema.safeParse(text).error?.issues[0]?.message ?? null)
      }
    },
  )
})
