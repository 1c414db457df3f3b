import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
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
