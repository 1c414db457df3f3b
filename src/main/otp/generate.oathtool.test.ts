import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { needs } from '../../../test/helpers/needs'
import { OATHTOOL, oathtoolMissing } from '../../../test/helpers/oathtool'
import type { HashAlgorithm } from '../../shared/contract/accounts'
import { encodeBase32 } from './base32'
import { hotpCode, totpCode } from './generate'

/*
 * Agreement with OATH Toolkit's oathtool (an independent C implementation of
 * RFC 4226/6238, Debian package `oathtool`) at random keys, times and counters.
 * Each call asks for a window of codes (`-w`), so one process checks several steps.
 */

const run = promisify(execFile)

/** Extra steps per call: oathtool prints the code at the start and `WINDOW` more. */
const WINDOW = 2
const PARALLEL = 8
const SEED = 6238

type TotpCase = Readonly<{ key: Uint8Array; algorithm: HashAlgorithm; digits: number; period: number; seconds: number; ms: number }>
type HotpCase = Readonly<{ key: Uint8Array; digits: number; counter: number }>

const totpCases: readonly TotpCase[] = fc.sample(
  fc.record({
    key: fc.uint8Array({ minLength: 10, maxLength: 64 }),
    algorithm: fc.constantFrom<HashAlgorithm>('SHA1', 'SHA256', 'SHA512'),
    digits: fc.constantFrom(6, 7, 8),
    period: fc.constantFrom(30, 60),
    // Up to 2100-01-01; oathtool takes whole seconds, so the ms part tests our flooring.
    seconds: fc.integer({ min: 0, max: 4_102_444_800 }),
    ms: fc.integer({ min: 0, max: 999 }),
  }),
  { seed: SEED, numRuns: 200 },
)

const hotpCases: readonly HotpCase[] = fc.sample(
  fc.record({
    key: fc.uint8Array({ minLength: 10, maxLength: 64 }),
    digits: fc.constantFrom(6, 7, 8),
    counter: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 32 + 5 }), fc.integer({ min: 2 ** 53 - 1000, max: Number.MAX_SAFE_INTEGER - WINDOW })),
  }),
  { seed: SEED, numRuns: 60 },
)

async function oathtool(args: readonly string[]): Promise<string[]> {
  const { stdout } = await run(OATHTOOL, args)
  return stdout.trim().split('\n')
}

/** Runs `work` over `items`, `PARALLEL` at a time. */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return results
}

needs(oathtoolMissing).describe('agreement with oathtool', () => {
  it(`TOTP: ${totpCases.length} random keys and times × ${WINDOW + 1} steps, SHA1/SHA256/SHA512, 6–8 digits, 30/60 s`, async () => {
    const mismatches = (
      await inParallel(totpCases, async (c) => {
        const theirs = await oathtool([`--totp=${c.algorithm.toLowerCase()}`, '-d', String(c.digits), '-s', `${c.period}s`, '-w', String(WINDOW), '-b', encodeBase32(c.key), '--now', `@${c.seconds}`])
        const ours = Array.from({ length: WINDOW + 1 }, (_, step) => totpCode(c, c.key, (c.seconds + step * c.period) * 1000 + c.ms))
        return ours.join() === theirs.join() ? null : { ...c, key: encodeBase32(c.key), ours, theirs }
      })
    ).filter((m) => m !== null)
    expect(mismatches).toEqual([])
    expect(new Set(totpCases.map((c) => c.algorithm)).size).toBe(3)
  })

  it(`HOTP: ${hotpCases.length} random keys and counters (up to 2^53) × ${WINDOW + 1} counters, 6–8 digits`, async () => {
    const mismatches = (
      await inParallel(hotpCases, async (c) => {
        const theirs = await oathtool(['--hotp', '-d', String(c.digits), '-c', String(c.counter), '-w', String(WINDOW), '-b', encodeBase32(c.key)])
        const ours = Array.from({ length: WINDOW + 1 }, (_, step) => hotpCode({ algorithm: 'SHA1', digits: c.digits }, c.key, c.counter + step))
        return ours.join() === theirs.join() ? null : { ...c, key: encodeBase32(c.key), ours, theirs }
      })
    ).filter((m) => m !== null)
    expect(mismatches).toEqual([])
  })
})
