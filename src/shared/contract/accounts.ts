import { z } from 'zod'
import { apiError, type ApiError } from './errors'
import { method } from './define'
import { MAX_ACCOUNT_TEXT_LENGTH, MAX_ACCOUNTS_PER_REQUEST, MAX_DIGITS, MAX_GROUP_LENGTH, MAX_NAME_LENGTH, MAX_PERIOD, STEAM_DIGITS } from './limits'

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
  issuer: z.string().max(MAX_NAME_LENGTH),
  label: z.string().max(MAX_NAME_LENGTH),
  type: OtpType,
  algorithm: HashAlgorithm,
  /** 6–8 for TOTP/HOTP, 5 for Steam. */
  digits: z.number().int().min(STEAM_DIGITS).max(MAX_DIGITS),
  /** TOTP step in seconds. */
  period: z.number().int().min(1).max(MAX_PERIOD),
  /** HOTP moving factor; 0 for TOTP. */
  counter: z.number().int().nonnegative(),
  group: z.string().max(MAX_GROUP_LENGTH),
  kind: AccountKind,
  order: z.number().int(),
  /** ms since the epoch */
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type AccountSummary = z.infer<typeof AccountSummary>

const Name = z.string().trim().max(MAX_NAME_LENGTH)
const Group = z.string().trim().max(MAX_GROUP_LENGTH)

/**
 * The one naming rule, for add, edit and import: an account shows its name
 * (issuer) or its account (label) in every list, so at least one of them
 * must be non-blank. Forms send names already trimmed; the schemas trim too.
 */
export const NAMELESS_MESSAGE = 'Give the account a name or an account, for example “Amazon Seller Central”, so you can tell it apart.'
export function hasName(names: Readonly<{ issuer?: string | undefined; label?: string | undefined }>): boolean {
  return (names.issuer ?? '').trim() !== '' || (names.label ?? '').trim() !== ''
}
/** An account's names as they will be saved (after a URI's names and the user's are merged). */
const nameless = () => ({ message: NAMELESS_MESSAGE, path: ['issuer'] })
export const AccountNames = z.object({ issuer: Name, label: Name }).refine(hasName, nameless())
/** The naming rule's verdict on names about to be saved: an error for the Name field, or null. */
export function namesProblem(names: Readonly<{ issuer: string; label: string }>): ApiError | null {
  return AccountNames.safeParse(names).success ? null : apiError('invalid-input', NAMELESS_MESSAGE, { field: 'issuer' })
}
/** A request that sets both names may not blank both; one that leaves a name out is checked once merged (AccountNames). */
const notBothBlanked = (p: Readonly<{ issuer?: string; label?: string }>) => p.issuer === undefined || p.label === undefined || hasName(p)

/** Text the user pasted or typed: a key ("Can't scan the barcode?") or an otpauth:// URI. */
export const AccountText = z.string().max(MAX_ACCOUNT_TEXT_LENGTH)

/** What an add-account form sends. The key text goes to main; no secret ever comes back. */
export const NewAccount = z
  .object({
    /** An `otpauth://` URI, or the key text Amazon shows. */
    text: AccountText,
    /** Required for a bare key; overrides the URI's issuer when given. */
    issuer: Name.optional(),
    label: Name.optional(),
    kind: AccountKind.optional(),
    group: Group.optional(),
  })
  .strict()
  .refine(notBothBlanked, nameless())
export type NewAccount = z.infer<typeof NewAccount>

/** The result of checking pasted text as the user types: what it is, or exactly what is wrong. */
export const TextCheck = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    source: z.enum(['key', 'uri']),
    /** What the account will be (from the URI, or defaults for a key). */
    preview: AccountSummary.pick({ issuer: true, label: true, type: true, algorithm: true, digits: true, period: true, counter: true }),
    /** Accounts that already have this key: adding it again makes a second account with the same codes. */
    sameKeyAs: z.array(AccountSummary.pick({ id: true, issuer: true, label: true })),
  }),
  z.object({
    valid: z.literal(false),
    message: z.string(),
    /** 0-based index in the text of the first problem, if there is one place. */
    position: z.number().int().nonnegative().nullable(),
  }),
])
export type TextCheck = z.infer<typeof TextCheck>

export const AccountPatch = z
  .object({ id: AccountId, issuer: Name.optional(), label: Name.optional(), group: Group.optional(), kind: AccountKind.optional() })
  .strict()
  .refine(notBothBlanked, nameless())
export type AccountPatch = z.infer<typeof AccountPatch>

export const Removal = z.object({
  id: AccountId,
  /** Until when (ms since the epoch) `accounts.undoRemove` can bring it back. */
  undoUntil: z.number(),
})

/** An explicit, per-account reveal: the one place a secret leaves main (besides export). */
export const RevealedSecret = z.object({
  id: AccountId,
  /** Base32, as another authenticator asks for it. */
  secret: z.string(),
  uri: z.string(),
  /** The URI as a QR code (SVG markup), to scan with a phone. */
  qrSvg: z.string(),
})
export type RevealedSecret = z.infer<typeof RevealedSecret>

const ById = z.object({ id: AccountId }).strict()

export const accountsMethods = {
  list: method(z.void(), z.array(AccountSummary)),
  get: method(ById, AccountSummary),
  check: method(z.object({ text: AccountText }).strict(), TextCheck),
  add: method(NewAccount, AccountSummary),
  update: method(AccountPatch, AccountSummary),
  /** The new order of all (or some) accounts, first to last. */
  reorder: method(z.object({ ids: z.array(AccountId).max(MAX_ACCOUNTS_PER_REQUEST) }).strict(), z.array(AccountSummary)),
  remove: method(ById, Removal),
  undoRemove: method(ById, AccountSummary),
  reveal: method(ById, RevealedSecret),
}

/** Methods whose output carries a secret on purpose (the user asked for it). */
export const SECRET_BEARING_METHODS = ['accounts.reveal', 'transfer.exportBackup', 'transfer.exportAegis', 'transfer.exportTwofas', 'transfer.exportOtpauthList'] as const

export const accountsEvents = {
  changed: z.array(AccountSummary),
}
