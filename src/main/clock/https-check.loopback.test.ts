import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { httpsDateServerUnavailable, makeLoopbackCert, startHttpsDateServer, type HttpsDateServer, type TestCert } from '../../../test/helpers/https-date-server'
import { createHttpsCheck } from './https-check'
import { createHttpsDateTransport } from './https-transport'
import { createPreciseClock } from './precise-clock'

const skipReason = httpsDateServerUnavailable()

/**
 * The HTTPS `Date` fallback against real HTTPS servers on loopback whose
 * clocks run under libfaketime at known offsets (the truth), with a
 * self-signed certificate made for the test that only this client trusts.
 * The bound the check reports must always contain the truth.
 */
needs(skipReason).describe('HTTPS Date fallback against loopback servers under libfaketime', () => {
  const OFFSETS_S = [37, -120, 19_808.35, -0.35] // the last two: a +5:30 zone plus 8.35 s, and less than a second
  let cert: TestCert
  const groups = new Map<number, HttpsDateServer[]>()
  let falseticker: HttpsDateServer
  let stale: HttpsDateServer

  beforeAll(async () => {
    cert = await makeLoopbackCert()
    await Promise.all(
      OFFSETS_S.map(async (skew) => groups.set(skew, await Promise.all([0, 1, 2].map(() => startHttpsDateServer(cert, { skewSeconds: skew }))))),
    )
    ;[falseticker, stale] = await Promise.all([startHttpsDateServer(cert, { skewSeconds: 600 }), startHttpsDateServer(cert, { skewSeconds: 37, stale: true })])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([...[...groups.values()].flat(), falseticker, stale].map((s) => s?.stop()))
    await cert?.remove()
  })

  const now = createPreciseClock({ now: Date.now, hrNow: () => performance.now() })
  const check = () => createHttpsCheck({ now, transport: () => createHttpsDateTransport({ now, ca: cert.pem }) })

  it('measures every offset within its bound, one wrong and one stale site outvoted', async () => {
    const readings = await Promise.all(
      OFFSETS_S.map((skew) => {
        const hosts = groups.get(skew)!.map((s) => s.host)
        return check()(skew === 37 ? [...hosts, falseticker.host, stale.host] : hosts).then((reading) => ({ skew, reading }))
      }),
    )
    for (const { skew, reading } of readings) {
      expect(reading.kind, JSON.stringify(reading)).toBe('measured')
      if (reading.kind !== 'measured') continue
      expect(reading.source).toBe('https')
      const truth = skew * 1000
      // The bound always contains the truth.
      expect(Math.abs(reading.offsetMs - truth), `skew ${skew} s: ${reading.offsetMs} ± ${reading.errorMs}`).toBeLessThanOrEqual(reading.errorMs)
      expect(reading.used).toHaveLength(3)
      for (const used of reading.used) expect(Math.abs(used.offsetMs - truth)).toBeLessThanOrEqual(used.errorMs)
      if (skew === 37) {
        expect(reading.rejected.find((r) => r.server === falseticker.host)?.reason).toBe('falseticker')
        // A Date that never moves contradicts itself within a second, or at least disagrees with the others.
        expect(['inconsistent', 'falseticker']).toContain(reading.rejected.find((r) => r.server === stale.host)?.reason)
      }
    }
  }, 60_000)

  it('contacts only the hosts it is given, and refuses a site whose certificate it does not trust', async () => {
    const [listed, unlisted] = await Promise.all([startHttpsDateServer(cert), startHttpsDateServer(cert)])
    const untrusting = createHttpsCheck({ now, transport: () => createHttpsDateTransport({ now }) })
    const reading = await untrusting([listed.host])
    expect(reading).toMatchObject({ kind: 'unknown', reason: 'no-answer', rejected: [{ server: listed.host, reason: 'https-error' }] })
    const trusting = await check()([listed.host])
    expect(trusting.kind).toBe('measured')
    await Promise.all([listed.stop(), unlisted.stop()]) // every request line is read once they exit
    // The refused handshake sent no request; the unlisted host heard nothing at all. A request
    // that fails after good ones ends the probe (https-date.ts) yet may have reached the server:
    // on a loaded machine one did (9 requests, 8 samples), so at most one more than the samples.
    const samples = trusting.used[0]!.samples
    expect(listed.requests()).toBeGreaterThanOrEqual(samples)
    expect(listed.requests()).toBeLessThanOrEqual(samples + 1)
    expect(unlisted.requests()).toBe(0)
  }, 30_000)
})
