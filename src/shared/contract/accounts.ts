import { z } from 'zod'
import { method } from './define'

export const OtpType = z.enum(['totp', 'hotp', 'steam'])
export type OtpType = z.infer<typeof OtpType>

export const HashAlgorithm = z.enum(['SHA1', 'SHA256', 'SHA512'])
export type HashAlgorithm = z.infer<typeof HashAlgorithm>

/** What the account protects: drives grouping and the checklist. */
export const AccountKind = z.enum(['seller-central', 'kdp', 'associates', 'other'])
export type AccountKind = z.infer<typeof AccountKind>

export const AccountId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an account id')

/**
 * Everything about an account except its secret, which never leaves the
 * main process (it lives in the OS keychain).
 */
export const AccountSummary = z.object({
  id: AccountId,
  issuer: z.string().max(200),
  label: z.string().max(200),
  type: OtpType,
  algorithm: HashAlgorithm,
  /** 6–8 for TOTP/HOTP, 5 for Steam. */
  digits: z.number().int().min(5).max(8),
  /** TOTP step in seconds. */
  period: z.number().int().min(1).max(3600),
  /** HOTP moving factor; 0 for TOTP. */
  counter: z.number().int().nonnegative(),
  group: z.string().max(100),
  kind: AccountKind,
  order: z.number().int(),
  /** ms since the epoch */
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type AccountSummary = z.infer<typeof AccountSummary>

export const accountsMethods = {
  list: method(z.void(), z.array(AccountSummary)),
  get: method(z.object({ id: AccountId }).strict(), AccountSummary),
}

export const accountsEvents = {
  changed: z.array(AccountSummary),
}
