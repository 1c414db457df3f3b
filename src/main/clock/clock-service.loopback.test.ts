import { afterAll, beforeAll, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { chronydUnavailable, faketimeUnavailable, startChronyd, type Chronyd } from '../../../test/helpers/chronyd'
import { httpsDateServerUnavailable, makeLoopbackCert, startHttpsDateServer, type HttpsDateServer, type TestCert } from '../../../test/helpers/https-date-server'
import { defaultSettings, type ClockStatus } from '../../shared/contract'
import { createMemoryLogger } from '../core/log'
import { createClockService, type ClockSettings } from './clock-service'

const skipReason = chronydUnavailable() ?? faketimeUnavailable() ?? httpsDateServerUnavailable()

/** The clock service with real chronyd and real HTTPS servers on loopback: when the fallback runs, and what it reports. */
needs(skipReason).describe('clock service: NTP first, HTTPS Date only when no NTP server answers', () => {
  let cert: TestCert
  let ntp: Chronyd
  let sites: HttpsDateServer[]
  const DEAD_NTP = '127.0.0.1:9'

  beforeAll(async () => {
    cert = await makeLoopbackCert()
    ntp = await startChronyd({ skew: '+37s' })
    sites = await Promise.all([0, 1, 2].map(() => startHttpsDateServer(cert, { skewSeconds: 37 })))
  }, 60_000)
  afterAll(async () => {
    await Promise.all([ntp?.stop(), ...(sites ?? []).map((s) => s.stop())])
    await cert?.remove()
  })

  function service(settings: Partial<ClockSettings>) {
    const current: ClockSettings = { ...defaultSettings, httpsTimeHosts: sites.map((s) => s.host), ...settings }
    return createClockService({
      now: Date.now,
      settings: () => current,
      log: createMemoryLogger(),
      checkOptions: { samplesPerServer: 2, sampleSpacingMs: 5, timeoutMs: 300 },
      https: { ca: cert.pem },
    })
  }

  /** Sites that must hear nothing: listed, then stopped, so every request line has been read. */
  async function untouched(run: (hosts: string[]) => Promise<void>) {
    const quiet = await Promise.all([0, 1].map(() => startHttpsDateServer(cert, { skewSeconds: 37 })))
    await run(quiet.map((s) => s.host))
    await Promise.all(quiet.map((s) => s.stop()))
    expect(quiet.map((s) => s.requests())).toEqual([0, 0])
  }

  it('while NTP answers, no HTTPS site is contacted', async () => {
    await untouched(async (hosts) => {
      const status = await service({ ntpServers: [`127.0.0.1:${ntp.port}`], httpsTimeHosts: hosts }).check()
      expect(status.measurement).toMatchObject({ source: 'ntp' })
      expect(Math.abs(status.measurement!.offsetMs - 37_000)).toBeLessThan(50)
    })
  })

  it('when no NTP server answers, the sites’ Date headers measure the clock, reported as HTTPS time', async () => {
    const clock = service({ ntpServers: [DEAD_NTP] })
    const status: ClockStatus = await clock.check()
    expect(status).toMatchObject({ state: 'critical', measurement: { source: 'https', answered: 3, agreed: 3 } })
    expect(Math.abs(status.measurement!.offsetMs - 37_000)).toBeLessThanOrEqual(status.measurement!.errorMs)
    // The table shows both: the NTP server that did not answer, and the sites used.
    expect(status.servers.filter((s) => s.source === 'https' && s.used)).toHaveLength(3)
    expect(status.servers.find((s) => s.server === DEAD_NTP)).toMatchObject({ source: 'ntp', used: false })
    // Codes are corrected from it like from NTP (auto mode, tight enough).
    expect(status.correctionMs).toBe(Math.round(status.measurement!.offsetMs))
  }, 30_000)

  it('saving other servers during a running check supersedes it with a check of the new ones', async () => {
    const current = { ...defaultSettings, ntpServers: [DEAD_NTP], httpsTimeFallback: false, httpsTimeHosts: [] as string[] }
    const clock = createClockService({ now: Date.now, settings: () => current, log: createMemoryLogger(), checkOptions: { samplesPerServer: 1, timeoutMs: 20_000 } })
    const first = clock.check() // would wait 20 s for the dead server
    current.ntpServers = [`127.0.0.1:${ntp.port}`]
    clock.settingsChanged()
    const status = await first
    expect(status.measurement).toMatchObject({ source: 'ntp' })
    expect(status.servers.map((s) => s.server)).toEqual([`127.0.0.1:${ntp.port}`])
    clock.stop()
  }, 15_000)

  it('turned off, it contacts nobody', async () => {
    await untouched(async (hosts) => {
      const status = await service({ ntpServers: [DEAD_NTP], httpsTimeFallback: false, httpsTimeHosts: hosts }).check()
      expect(status).toMatchObject({ state: 'unknown', unknownReason: 'no-answer', measurement: null })
    })
  }, 30_000)
})
