/**
 * Codes per second for 1,000 accounts: our otp/generate.ts (otpauth underneath) against
 * raw otpauth with prebuilt Secret objects and a plain node:crypto reference.
 * Prints one JSON object. Run: npx jiti bench/codes-bench.ts
 */
import { createHmac, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Secret, TOTP } from 'otpauth'
import type { HashAlgorithm } from '../src/shared/contract/accounts'
import { codeFrame, totpCode } from '../src/main/otp/generate'
import type { OtpParams } from '../src/main/otp/params'

const ACCOUNTS = 1000
const ROUNDS = 40
const WARMUP_ROUNDS = 10
/** 2026-01-01T00:00:00Z in ms; each round moves on one period so no result is reused. */
const START_MS = 1_767_225_600_000

type Account = Readonly<{ params: OtpParams; key: Uint8Array; secret: Secret }>

const ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512']
const KEY_BYTES: Readonly<Record<HashAlgorithm, number>> = { SHA1: 20, SHA256: 32, SHA512: 64 }

/** RFC 6238 section 4 TOTP with nothing but node:crypto: the baseline. */
function referenceTotp(params: OtpParams, key: Uint8Array, timestampMs: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(Math.floor(timestampMs / 1000 / params.period)))
  const mac = createHmac(params.algorithm, key).update(message).digest()
  // RFC 4226 section 5.3: dynamic truncation.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f
  const value = mac.readUInt32BE(offset) & 0x7fffffff
  return String(value % 10 ** params.digits).padStart(params.digits, '0')
}

function makeAccounts(): Account[] {
  return Array.from({ length: ACCOUNTS }, (_, i) => {
    const algorithm = ALGORITHMS[i % ALGORITHMS.length] ?? 'SHA1'
    const key = new Uint8Array(randomBytes(KEY_BYTES[algorithm]))
    const params: OtpParams = { type: 'totp', algorithm, digits: i % 2 === 0 ? 6 : 8, period: 30, counter: 0 }
    return { params, key, secret: new Secret({ buffer: key.slice().buffer }) }
  })
}

/** Times ROUNDS passes of `round`; returns codes per second and ms per pass over all accounts. */
function measure(codesPerRound: number, round: (timestampMs: number) => void): Readonly<{ codesPerSecond: number; msPerPass: number }> {
  const started = process.hrtime.bigint()
  for (let r = 0; r < ROUNDS; r++) round(START_MS + r * 30_000)
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
  return { codesPerSecond: Math.round((codesPerRound * ROUNDS) / (elapsedMs / 1000)), msPerPass: Number((elapsedMs / ROUNDS).toFixed(3)) }
}

function otpauthVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../node_modules/otpauth/package.json'), 'utf8'))
    return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown'
  } catch {
    return 'unknown'
  }
}

function main(): void {
  const accounts = makeAccounts()
  // Same codes from every implementation, or the timings mean nothing.
  let disagreements = 0
  for (const a of accounts) {
    const ours = totpCode(a.params, a.key, START_MS)
    if (ours !== referenceTotp(a.params, a.key, START_MS)) disagreements++
    if (ours !== TOTP.generate({ secret: a.secret, algorithm: a.params.algorithm, digits: a.params.digits, period: a.params.period, timestamp: START_MS })) disagreements++
  }

  let sink = 0
  const runs: Readonly<Record<string, Readonly<{ codesPerRound: number; round: (timestampMs: number) => void }>>> = {
    'otp/generate.ts totpCode (otpauth, Secret per call)': {
      codesPerRound: ACCOUNTS,
      round: (t) => {
        for (const a of accounts) sink += totpCode(a.params, a.key, t).length
      },
    },
    'otpauth TOTP.generate (prebuilt Secret)': {
      codesPerRound: ACCOUNTS,
      round: (t) => {
        for (const a of accounts) sink += TOTP.generate({ secret: a.secret, algorithm: a.params.algorithm, digits: a.params.digits, period: a.params.period, timestamp: t }).length
      },
    },
    'node:crypto reference': {
      codesPerRound: ACCOUNTS,
      round: (t) => {
        for (const a of accounts) sink += referenceTotp(a.params, a.key, t).length
      },
    },
    'otp/generate.ts codeFrame (code + next code)': {
      codesPerRound: ACCOUNTS * 2,
      round: (t) => {
        for (const a of accounts) sink += codeFrame(a.params, a.key, t).code.length
      },
    },
  }
  // Warm every path up first, so the JIT's work does not count against whichever runs first.
  for (const run of Object.values(runs)) for (let r = 0; r < WARMUP_ROUNDS; r++) run.round(START_MS - (r + 1) * 30_000)
  const results = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, measure(run.codesPerRound, run.round)]))

  console.log(
    JSON.stringify(
      {
        bench: 'codes',
        node: process.version,
        otpauth: otpauthVersion(),
        accounts: ACCOUNTS,
        rounds: ROUNDS,
        mix: 'TOTP, SHA1/SHA256/SHA512 in turn with 20/32/64-byte keys, 6 and 8 digits, 30 s',
        disagreements,
        results,
        checksum: sink,
      },
      null,
      2,
    ),
  )
  if (disagreements > 0) process.exitCode = 1
}

main()
