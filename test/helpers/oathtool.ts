import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { expect } from 'vitest'
import { inCi, missingUnderCi } from './ci'
import { decodeBase32 } from '../../src/main/otp/base32'
import { hotpCode, steamCode, totpCode } from '../../src/main/otp/generate'
import type { ImportedAccount } from '../../src/main/transfer/types'
import type { HashAlgorithm, OtpType } from '../../src/shared/contract'

/*
 * OATH Toolkit's oathtool (Debian package `oathtool`), an independent
 * implementation of RFC 4226/6238, as the reference for codes in tests.
 * Suites using it run under `needs(oathtoolMissing)`: skipped with the
 * reason where it is absent, failing under CI=true.
 */

export const OATHTOOL = '/usr/bin/oathtool'
/** Why oathtool cannot run here, or null when it can. */
export const oathtoolMissing = existsSync(OATHTOOL) ? null : `${OATHTOOL} not found (apt-get install oathtool)`

const run = promisify(execFile)

export type OathAccount = Readonly<{ type: OtpType; algorithm: HashAlgorithm; digits: number; period: number; counter: number; secret: string }>

/**
 * oathtool's code for a TOTP account at `seconds` since the epoch, or for a
 * HOTP account at its counter. `null` for Steam, which oathtool does not
 * know. oathtool's --hotp is SHA-1 only, so a HOTP account is asked as TOTP
 * with a 1 s step at time = counter, which is HOTP(counter) for any algorithm.
 */
export async function oathtoolCode(account: OathAccount, seconds: number): Promise<string | null> {
  if (account.type === 'steam') return null
  const mode = `--totp=${account.algorithm.toLowerCase()}`
  const args =
    account.type === 'totp'
      ? [mode, '-d', String(account.digits), '-s', `${account.period}s`, '--now', `@${seconds}`, '-b', account.secret]
      : [mode, '-d', String(account.digits), '-s', '1s', '--now', `@${account.counter}`, '-b', account.secret]
  const { stdout } = await run(OATHTOOL, args)
  return stdout.trim()
}

/** Fixed moments (UTC) imported accounts' codes are compared at. */
export const CODE_TIMES = ['2026-01-01T00:00:00Z', '2030-06-15T12:34:56Z'] as const

/**
 * Every imported TOTP account's code at CODE_TIMES, and every HOTP account's
 * at its counter, checked one by one against oathtool. Steam codes are
 * oathtool's blind spot: compare them with `steamCodes` instead.
 */
export async function expectOathtoolAgrees(accounts: readonly ImportedAccount[]): Promise<void> {
  if (oathtoolMissing !== null) {
    // The import itself was checked; the codes need the tool: a failure under CI, a printed skip elsewhere.
    if (inCi()) throw new Error(missingUnderCi(oathtoolMissing))
    return void console.warn(`SKIPPED oathtool check: ${oathtoolMissing}`)
  }
  expect(accounts.length).toBeGreaterThan(0)
  for (const account of accounts) {
    if (account.type === 'steam') continue
    const key = decodeBase32(account.secret)
    for (const at of account.type === 'hotp' ? [CODE_TIMES[0]] : CODE_TIMES) {
      const ours = account.type === 'hotp' ? hotpCode(account, key, account.counter) : totpCode(account, key, Date.parse(at))
      expect(ours, `${account.issuer} / ${account.label} at ${at}`).toBe(await oathtoolCode(account, Date.parse(at) / 1000))
    }
  }
}

/** Steam codes of an account at CODE_TIMES. */
export function steamCodes(account: ImportedAccount): string[] {
  return CODE_TIMES.map((at) => steamCode(decodeBase32(account.secret), Date.parse(at)))
}

/**
 * Steam Guard codes of Aegis's vector #7 (key JRZCL47CMXVOQMNPZR2F7J4RGI) at
 * CODE_TIMES, as KeePassXC computes them (keepassxc-cli 2.7.4 `show -t` of the
 * "30;S" entry in test/fixtures/import/keepass, run under libfaketime).
 */
export const VECTOR_7_STEAM_CODES = ['B6DDR', 'Q8JNB'] as const
