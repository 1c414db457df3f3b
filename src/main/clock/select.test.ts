import { describe, expect, it } from 'vitest'
import { err, ok, type Result } from '../../shared/result'
import { createKodBackoff } from './kod-backoff'
import { createClockCheck, type ClockCheckOptions } from './select'
import type { PacketError } from './sntp-packet'
import type { QueryError, ResolvedAddress, SntpClient, SntpSample } from './sntp-query'

type Answer = Result<SntpSample, QueryError>

/** A sample as a healthy stratum-2 server with a tiny root distance would give. */
function sample(offsetMs: number, delayMs = 10, reply: Partial<SntpSample['reply']> = {}): Answer {
  return ok({
    address: '',
    port: 0,
    family: 4,
    offsetMs,
    delayMs,
    t1Ms: 0,
    t2Ms: 0,
    t3Ms: 0,
    t4Ms: 0,
    reply: { leap: 0, version: 4, stratum: 2, precisionMs: 0, rootDelayMs: 0, rootDispersionMs: 0, referenceId: '', receiveMs: 0, transmitMs: 0, ...reply },
  })
}
const timeout: Answer = err({ kind: 'timeout', timeoutMs: 1500, ignored: null })
const rejected = (error: PacketError): Answer => err({ kind: 'rejected', error })

/**
 * A scripted client: each host answers its list of results in turn (the
 * last one repeats). Hosts resolve to themselves unless `addresses` says
 * otherwise; `dns-fails` does not resolve.
 */
function fakeClient(script: Record<string, Answer[]>, addresses: Record<string, string> = {}) {
  const asked: string[] = []
  const client: Pick<SntpClient, 'resolve' | 'queryAddress'> = {
    async resolve(host) {
      if (host === 'dns-fails') return err({ kind: 'dns', host, code: 'ENOTFOUND', message: 'not found' })
      return ok({ address: addresses[host] ?? host, family: 4 })
    },
    async queryAddress(target: ResolvedAddress, port: number) {
      const host = Object.keys(script).find((h) => (addresses[h] ?? h) === target.address) ?? target.address
      const index = asked.filter((a) => a === host).length
      asked.push(host)
      const answers = script[host] ?? [timeout]
      const answer = answers[Math.min(index, answers.length - 1)] ?? timeout
      return answer.ok ? ok({ ...answer.value, address: target.address, port }) : answer
    },
  }
  return { client, asked }
}

const fast: ClockCheckOptions = { samplesPerServer: 4, sampleSpacingMs: 0, marginMs: 0 }
const noSleep = () => Promise.resolve()

function check(script: Record<string, Answer[]>, options: ClockCheckOptions = fast, addresses: Record<string, string> = {}) {
  const fake = fakeClient(script, addresses)
  const run = createClockCheck({ client: fake.client, now: () => 1_000, sleep: noSleep, options })
  return { run, asked: fake.asked }
}

describe('clock check: combining servers', () => {
  it('intersects agreeing servers and reports the midpoint and half-width', async () => {
    // Intervals (δ/2 = 5): a [5,15], b [7,17], c [3,13] -> intersection [7,13].
    const { run } = check({ a: [sample(10)], b: [sample(12)], c: [sample(8)] })
    const reading = await run(['a', 'b', 'c'])
    expect(reading).toMatchObject({ kind: 'measured', offsetMs: 10, errorMs: 3, checkedAt: 1_000, rejected: [] })
    expect(reading.used.map((u) => u.server)).toEqual(['a:123', 'b:123', 'c:123'])
  })

  it('keeps each server’s lowest-delay sample', async () => {
    const { run, asked } = check({ a: [sample(40, 80), sample(3, 4), sample(20, 40), sample(-30, 60)] })
    const reading = await run(['a'])
    expect(reading).toMatchObject({ kind: 'measured', offsetMs: 3, errorMs: 2, used: [{ server: 'a:123', delayMs: 4, samples: 4 }] })
    expect(asked).toEqual(['a', 'a', 'a', 'a'])
  })

  it('outvotes one falseticker among three', async () => {
    const { run } = check({ good1: [sample(1)], liar: [sample(90_000)], good2: [sample(-1)] })
    const reading = await run(['good1', 'liar', 'good2'])
    if (reading.kind !== 'measured') throw new Error(JSON.stringify(reading))
    expect(Math.abs(reading.offsetMs)).toBeLessThan(5)
    expect(reading.used.map((u) => u.server)).toEqual(['good1:123', 'good2:123'])
    expect(reading.rejected).toMatchObject([{ server: 'liar:123', reason: 'falseticker', offsetMs: 90_000 }])
  })

  it('is unknown, with no number, when no majority agrees', async () => {
    const { run } = check({ a: [sample(0)], b: [sample(90_000)] })
    const reading = await run(['a', 'b'])
    expect(reading).toEqual({
      kind: 'unknown',
      reason: 'no-majority',
      used: [],
      rejected: [
        expect.objectContaining({ server: 'a:123', reason: 'no-majority' }),
        expect.objectContaining({ server: 'b:123', reason: 'no-majority' }),
      ],
      checkedAt: 1_000,
    })
    expect('offsetMs' in reading).toBe(false)
  })

  it('a single answering server is used (it is the majority of those that answered)', async () => {
    const { run } = check({ a: [sample(500)], dead: [timeout] })
    expect(await run(['a', 'dead'])).toMatchObject({ kind: 'measured', offsetMs: 500, rejected: [{ server: 'dead:123', reason: 'timeout' }] })
  })

  it('is unknown when nobody answers, or when there is no server', async () => {
    expect(await check({}).run(['x', 'dns-fails'])).toMatchObject({ kind: 'unknown', reason: 'no-answer', rejected: [{ reason: 'timeout' }, { reason: 'dns' }] })
    expect(await check({}).run([])).toMatchObject({ kind: 'unknown', reason: 'no-servers' })
  })

  it('widens each interval by root distance, precision and margin', async () => {
    const { run } = check({ a: [sample(0, 10, { rootDelayMs: 20, rootDispersionMs: 7, precisionMs: 1 })] }, { ...fast, marginMs: 2 })
    expect(await run(['a'])).toMatchObject({ kind: 'measured', errorMs: 5 + 10 + 7 + 1 + 2, used: [{ errorMs: 25 }] })
  })

  it('refuses a server whose root distance is too large', async () => {
    const { run } = check({ far: [sample(0, 10, { rootDispersionMs: 5_000 })], near: [sample(0)] })
    expect(await run(['far', 'near'])).toMatchObject({ kind: 'measured', rejected: [{ server: 'far:123', reason: 'too-distant', offsetMs: 0 }] })
  })
})

describe('clock check: server failures', () => {
  it('a dead server costs one exchange (one timeout), and the others are used', async () => {
    const { run, asked } = check({ a: [sample(0)], dead: [timeout], b: [sample(0)] })
    const reading = await run(['a', 'dead', 'b'])
    expect(reading).toMatchObject({ kind: 'measured', used: [{ server: 'a:123' }, { server: 'b:123' }], rejected: [{ server: 'dead:123', reason: 'timeout' }] })
    expect(asked.filter((h) => h === 'dead')).toHaveLength(1)
  })

  it('a lost packet after a good exchange only ends that server’s burst', async () => {
    const { run, asked } = check({ a: [sample(2), timeout, sample(9)] })
    expect(await run(['a'])).toMatchObject({ kind: 'measured', offsetMs: 2, used: [{ samples: 1 }] })
    expect(asked).toHaveLength(2)
  })

  it('a server that turns unsynchronised mid-burst is dropped', async () => {
    const { run } = check({ a: [sample(2), rejected({ kind: 'unsynchronised', leap: 3, stratum: 0 })], b: [sample(2)] })
    expect(await run(['a', 'b'])).toMatchObject({ kind: 'measured', used: [{ server: 'b:123' }], rejected: [{ server: 'a:123', reason: 'unsynchronised' }] })
  })

  it.each<[PacketError, string]>([
    [{ kind: 'kiss-o-death', code: 'RATE' }, 'kod-rate'],
    [{ kind: 'kiss-o-death', code: 'DENY' }, 'kod-deny'],
    [{ kind: 'kiss-o-death', code: 'RSTR' }, 'kod-rstr'],
    [{ kind: 'kiss-o-death', code: 'NKE' }, 'kod-other'],
    [{ kind: 'unsynchronised', leap: 3, stratum: 0 }, 'unsynchronised'],
    [{ kind: 'bad-stratum', stratum: 16 }, 'bad-stratum'],
    [{ kind: 'wrong-mode', mode: 3 }, 'wrong-mode'],
    [{ kind: 'wrong-version', version: 2 }, 'wrong-version'],
    [{ kind: 'zero-transmit' }, 'zero-transmit'],
  ])('reports %o as %s', async (error, reason) => {
    const { run } = check({ bad: [rejected(error)], good: [sample(0)] })
    expect(await run(['bad', 'good'])).toMatchObject({ kind: 'measured', rejected: [{ server: 'bad:123', reason }] })
  })

  it('reports an ignored unverifiable reply (spoofed origin) rather than a bare timeout', async () => {
    const { run } = check({ spoofed: [err({ kind: 'timeout', timeoutMs: 1500, ignored: { kind: 'origin-mismatch' } })], good: [sample(0)] })
    expect(await run(['spoofed', 'good'])).toMatchObject({ rejected: [{ server: 'spoofed:123', reason: 'origin-mismatch' }] })
  })

  it('reports bad server text, duplicates, and two names for one address', async () => {
    const { run } = check({ a: [sample(0)], alias: [sample(0)] }, fast, { alias: 'a' })
    const reading = await run(['a', 'A:123', 'alias', 'bad host', '[::1'])
    expect(reading).toMatchObject({
      kind: 'measured',
      used: [{ server: 'a:123' }],
      rejected: [
        { server: 'a:123', reason: 'duplicate' },
        { server: 'bad host', reason: 'bad-server' },
        { server: '[::1', reason: 'bad-server' },
        { server: 'alias:123', reason: 'duplicate' },
      ],
    })
  })

  it('queries servers in parallel: every server is asked before any answers', async () => {
    const started: string[] = []
    let release = () => {}
    const gate = new Promise<void>((done) => (release = done))
    const client: Pick<SntpClient, 'resolve' | 'queryAddress'> = {
      resolve: async (host) => ok({ address: host, family: 4 }),
      async queryAddress(target) {
        started.push(target.address)
        if (started.length === 3) release()
        await gate
        return sample(0)
      },
    }
    const run = createClockCheck({ client, now: () => 0, sleep: noSleep, options: { ...fast, samplesPerServer: 1 } })
    expect(await run(['a', 'b', 'c'])).toMatchObject({ kind: 'measured' })
    expect(started).toEqual(['a', 'b', 'c'])
  })
})

describe('clock check: Kiss-o’-Death back-off', () => {
  function setup(script: Record<string, Answer[]>) {
    let clock = 0
    const backoff = createKodBackoff({ now: () => clock, rateInitialMs: 60_000 })
    const fake = fakeClient(script)
    const run = createClockCheck({ client: fake.client, now: () => clock, sleep: noSleep, backoff, options: fast })
    return { run, asked: fake.asked, advance: (ms: number) => void (clock += ms) }
  }

  it('does not ask a server that sent RATE again until its back-off passes', async () => {
    const { run, asked, advance } = setup({ limited: [rejected({ kind: 'kiss-o-death', code: 'RATE' })], good: [sample(0)] })
    expect(await run(['limited', 'good'])).toMatchObject({ rejected: [{ server: 'limited:123', reason: 'kod-rate' }] })
    advance(59_000)
    expect(await run(['limited', 'good'])).toMatchObject({ rejected: [{ server: 'limited:123', reason: 'backed-off' }] })
    expect(asked.filter((h) => h === 'limited')).toHaveLength(1)
    advance(1_000)
    expect(await run(['limited', 'good'])).toMatchObject({ rejected: [{ server: 'limited:123', reason: 'kod-rate' }] })
    expect(asked.filter((h) => h === 'limited')).toHaveLength(2)
  })

  it('a RATE after a good exchange keeps the sample but still backs off', async () => {
    const { run, asked } = setup({ a: [sample(7), rejected({ kind: 'kiss-o-death', code: 'RATE' })] })
    expect(await run(['a'])).toMatchObject({ kind: 'measured', offsetMs: 7, used: [{ samples: 1 }] })
    expect(await run(['a'])).toMatchObject({ kind: 'unknown', rejected: [{ reason: 'backed-off' }] })
    expect(asked).toHaveLength(2)
  })

  it('DENY keeps the server away too', async () => {
    const { run, advance } = setup({ denied: [rejected({ kind: 'kiss-o-death', code: 'DENY' })] })
    await run(['denied'])
    advance(3_600_000)
    expect(await run(['denied'])).toMatchObject({ rejected: [{ reason: 'backed-off' }] })
  })
})
