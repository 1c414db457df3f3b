import type { AccountSummary } from '../contract'

type Params = Pick<AccountSummary, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>

const TYPE_NAMES: Readonly<Record<Params['type'], string>> = { totp: 'TOTP (time-based)', hotp: 'HOTP (counter-based)', steam: 'Steam Guard' }

/**
 * What an app needs besides the key to make the same codes, as term and
 * value: a SHA-256, 8-digit or 60 s account set up with the defaults gives
 * wrong codes. For the reveal view and the import preview.
 */
export function otpParams(account: Params): ReadonlyArray<readonly [string, string]> {
  return [
    ['Type', TYPE_NAMES[account.type]],
    ['Algorithm', account.algorithm],
    ['Digits', String(account.digits)],
    account.type === 'hotp' ? ['Counter', String(account.counter)] : ['Period', `${account.period} s`],
  ]
}

/** The same on one line, e.g. "TOTP · SHA256 · 8 digits · 60 s" or "HOTP · SHA1 · 6 digits · counter 4". */
export function otpParamsLine(account: Params): string {
  const last = account.type === 'hotp' ? `counter ${account.counter}` : `${account.period} s`
  return [account.type === 'steam' ? 'Steam' : account.type.toUpperCase(), account.algorithm, `${account.digits} ${account.type === 'steam' ? 'characters' : 'digits'}`, last].join(' · ')
}
