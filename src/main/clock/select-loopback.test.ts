import { afterAll, beforeAll, expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { chronydUnavailable, faketimeUnavailable, startChronyd, type Chronyd } from '../../../test/helpers/chronyd'
import { behave, startResponder, type Responder } from '../../../test/helpers/udp-responder'
import { createKodBackoff } from './kod-backoff'
import { createClockCheck } from './select'
import { createSntpClient } from './sntp-query'

const skipReason = chronydUnavailable() ?? faketimeUnavailable()

needs(skipReason).describe('clock check against chronyd and crafted servers on loopback', () => {
  let normal1: Chronyd
  let normal2: Chronyd
  let skewed: Chronyd
  let silent: Responder
  let limited: Responder

  beforeAll(async () => {
    ;[normal1, normal2, skewed, silent, limited] = await Promise.all([
      startChronyd(),
      startChronyd(),
      startChronyd({ skew: '+90s' }),
      startResponder(behave.silent()),
      startResponder(behave.kiss('RATE')),
    ])
  })
  afterAll(() => Promise.all([normal1, normal2, skewed].map((s) => s?.stop()).concat([silent?.stop(), limited?.stop()])))

  const client = createSntpClient({ now: Date.now })
  const at = (port: number) => `127.0.0.1:${port}`
  const options = { samplesPerServer: 3, sampleSpacingMs: 5, timeoutMs: 400 }

  it('a +90 s falseticker among three is outvoted', async () => {
    const run = createClockCheck({ client, now: Date.now, options })
    const reading = await run([at(normal1.port), at(skewed.port), at(normal2.port)])
    if (reading.kind !== 'measured') throw new Error(JSON.stringify(reading))
    // The truth (0: these servers share our clock) lies within the reported offset ± error, and
    // within each used server's; a fixed ms tolerance would fail on a loaded machine (sntp-query.test.ts).
    expect(Math.abs(reading.offsetMs)).toBeLessThanOrEqual(reading.errorMs)
    for (const used of reading.used) expect(Math.abs(used.offsetMs)).toBeLessThanOrEqual(used.errorMs)
    expect(reading.used.map((u) => u.server).sort()).toEqual([at(normal1.port), at(normal2.port)].sort())
    expect(reading.rejected).toHaveLength(1)
    expect(reading.rejected[0]).toMatchObject({ server: at(skewed.port), reason: 'falseticker' })
    // What it said is the +90 s server's clock, not a correct one's.
    expect(reading.rejected[0]?.offsetMs).toBeGreaterThan(45_000)
  })

  it('a silent server ends as a timeout after one exchange, and the others are used', async () => {
    const run = createClockCheck({ client, now: Date.now, options })
    const reading = await run([at(normal1.port), at(silent.port), at(normal2.port)])
    expect(reading).toMatchObject({ kind: 'measured', rejected: [{ server: at(silent.port), reason: 'timeout', detail: 'no reply within 400 ms' }] })
    expect(reading.used).toHaveLength(2)
    expect(silent.requests()).toBe(1)
  })

  it('a server sending KoD RATE is reported, then left alone on the next check', async () => {
    const backoff = createKodBackoff({ now: () => performance.now() })
    const run = createClockCheck({ client, now: Date.now, backoff, options })
    const servers = [at(normal1.port), at(limited.port)]
    expect(await run(servers)).toMatchObject({ kind: 'measured', rejected: [{ server: at(limited.port), reason: 'kod-rate' }] })
    expect(await run(servers)).toMatchObject({ kind: 'measured', rejected: [{ server: at(limited.port), reason: 'backed-off' }] })
    expect(limited.requests()).toBe(1)
  })

  it('a name that does not resolve is a dns rejection, not a failed check', async () => {
    const run = createClockCheck({ client, now: Date.now, options })
    expect(await run(['no-such-host.invalid', at(normal1.port)])).toMatchObject({
      kind: 'measured',
      rejected: [{ server: 'no-such-host.invalid:123', reason: 'dns' }],
    })
  })
})
