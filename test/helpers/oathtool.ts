import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import type { HashAlgorithm, OtpType } from '../../src/shared/contract'

/*
 * OATH Toolkit's oathtool (Debian package `oathtool`), an independent
 * implementation of RFC 4226/6238, as the reference for codes in tests.
 * Where it is missing, suites skip with the reason in their title, except
 * under CI=true, where `oathtoolMissing` makes them fail instead.
 */

export const OATHTOOL = '/usr/bin/oathtool'
export const oathtoolAvailable = existsSync(OATHTOOL)
/** Under CI a missing tool is a failure, not a skip. */
export const oathtoolMissing = !oathtoolAvailable && process.env.CI === 'true'

export function oathtoolTitle(name: string): string {
  return oathtoolAvailable ? name : `${name} — SKIPPED: ${OATHTOOL} not found (apt-get install oathtool)`
}

const run = promisify(execFile)

export type OathAccount = Readonly<{ type: OtpType; algorithm: HashAlgorithm; digits: number; period: number; counter: number; secret: string }>

/**
 * oathtool's code for a TOTP account at `seconds` since the epoch, or for a
 * HOTP account at its counter. `null` where oathtool has no such mode: Steam,
 * and HOTP with SHA-256/512 (oathtool's HOTP is SHA-1 only).
 */
export async function oathtoolCode(account: OathAccount, seconds: number): Promise<string | null> {
  if (account.type === 'steam' || (account.type === 'hotp' && account.algorithm !== 'SHA1')) return null
  const args =
    account.type === 'totp'
      ? [`--totp=${account.algorithm.toLowerCase()}`, '-d', String(account.digits), '-s', `${account.period}s`, '--now', `@${seconds}`, '-b', account.secret]
      : ['--hotp', '-d', String(account.digits), '-c', String(account.counter), '-b', account.secret]
  const { stdout } = await run(OATHTOOL, args)
  return stdout.trim()
}
