import { z } from 'zod'
import { apiError } from './api-error'
import type { ApiError } from './errors'
import { ACCOUNT_KINDS, SELLER_REGIONS } from './choices'
import { method } from './define'
import { FileData } from './files'
import { MAX_ACCOUNT_TEXT_LENGTH, MAX_ACCOUNTS_PER_REQUEST, MAX_BRAND_ID_LENGTH, MAX_DIGITS, MAX_GROUP_LENGTH, MAX_NAME_LENGTH, MAX_PERIOD, STEAM_DIGITS } from './limits'

export const OtpType = z.enum(['totp', 'hotp', 'steam'])
export type OtpType = z.infer<typeof OtpType>

export const HashAlgorithm = z.enum(['SHA1', 'SHA256', 'SHA512'])
export type HashAlgorithm = z.infer<typeof HashAlgorithm>

/**
 * What the account protects: drives grouping, the short name ("Seller
 * Central EU", "KDP", "AWS") and the checklist. Stored: never renamed.
 */
export const AccountKind = z.enum(ACCOUNT_KINDS)
export type AccountKind = z.infer<typeof AccountKind>

/**
 * Amazon's regional sites, each with its own accounts (a Seller Central EU
 * login is not a Seller Central NA one), and menus that differ a little.
 */
// Stored: never renamed. `fe` meant "Japan, Australia, Singapore" before Japan had its own entry; it now means Australia or Singapore.
export const SellerRegion = z.enum(SELLER_REGIONS)
export type SellerRegion = z.infer<typeof SellerRegion>

/**
 * How the account's badge is drawn: `auto` (its brand's icon, else letters),
 * always `letters`, a `brand` from the bundled set (by its id in
 * `shared/brands/brand-table.ts`), or the `image` the user picked, which
 * main keeps in the data folder (`accounts.setIconImage`).
 */
const iconChoices = [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('letters') }),
  z.object({ kind: z.literal('brand'), brand: z.string().regex(/^[a-z0-9-]+$/).max(MAX_BRAND_ID_LENGTH) }),
] as const
export const IconChoice = z.discriminatedUnion('kind', [...iconChoices, z.object({ kind: z.literal('image') })])
export type IconChoice = z.infer<typeof IconChoice>
/** The choices a patch may set: an `image` comes only with its file (`accounts.setIconImage`). */
export const IconChoicePatch = z.discriminatedUnion('kind', [...iconChoices])

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
  /** Which Amazon regional site, for kinds that have one; null = not said. (Before 0.2 the checklist kept it.) */
  region: SellerRegion.nullable().default(null),
  order: z.number().int(),
  /** Pinned accounts come first in the list, the tray and the quick pick. */
  pinned: z.boolean().default(false),
  /** When the user confirmed the site accepted a code from this key (ms since the epoch); null = never. The checklist's evidence. */
  verifiedAt: z.number().int().nullable().default(null),
  /** When a code was last copied (ms since the epoch), for "recently used" order; null = never. */
  lastUsedAt: z.number().int().nullable().default(null),
  icon: IconChoice.default({ kind: 'auto' }),
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
    region: SellerRegion.nullable().optional(),
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

/** What the edit dialog, the pin button and the icon picker change. An `image` icon is set by `setIconImage`, never here. */
export const AccountPatch = z
  .object({
    id: AccountId,
    issuer: Name.optional(),
    label: Name.optional(),
    group: Group.optional(),
    kind: AccountKind.optional(),
    region: SellerRegion.nullable().optional(),
    pinned: z.boolean().optional(),
    icon: IconChoicePatch.optional(),
  })
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

/** A user's icon image, as main checked it (type sniffed from the bytes) and serves it: base64, for a `data:` URL. */
export const IconImage = z.object({ mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp']), data: z.string() })
export type IconImage = z.infer<typeof IconImage>

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
  /** Web mode copied this account's code in the page itself: main records `lastUsedAt` (for "recently used" order), as its own copies do. */
  markUsed: method(ById, AccountSummary),
  /** "Did the site accept the code?" — yes: records `verifiedAt` (main's clock). */
  confirmWorking: method(ById, AccountSummary),
  /** Keeps a local image (PNG, JPEG or WebP, size-limited, checked in main) as the account's icon. */
  setIconImage: method(z.object({ id: AccountId, file: FileData }).strict(), AccountSummary),
  /** The account's icon image; null when it has none. */
  iconImage: method(ById, IconImage.nullable()),
}

/** Methods whose output carries a secret on purpose (the user asked for it). */
export const SECRET_BEARING_METHODS = ['accounts.reveal', 'transfer.exportBackup', 'transfer.exportAegis', 'transfer.exportTwofas', 'transfer.exportOtpauthList'] as const

export const accountsEvents = {
  changed: z.array(AccountSummary),
}
