/**
 * The contract's fixed choices and words, as plain values without zod: the
 * schemas are built from these lists (z.enum), and the renderer's first
 * script shows them without loading zod and the schemas.
 */

/** Kinds of account (accounts.ts' AccountKind says what each drives). Stored: never renamed. */
export const ACCOUNT_KINDS = ['seller-central', 'kdp', 'associates', 'amazon-buyer', 'aws', 'other'] as const
/** Amazon's regional sites (accounts.ts' SellerRegion). Stored: never renamed. */
export const SELLER_REGIONS = ['na', 'eu', 'fe', 'in', 'me', 'jp'] as const
export const THEMES = ['system', 'light', 'dark'] as const
/** Row heights of the codes list (settings.ts' Density). */
export const DENSITIES = ['comfortable', 'compact'] as const
/** Orders of the codes list (settings.ts' SortOrder). */
export const SORT_ORDERS = ['manual', 'name', 'issuer', 'recent'] as const
export const CHECKLIST_SECTIONS = ['sign-in', 'bank-and-tax', 'people-and-devices', 'recovery'] as const

/** Where an import came from: the file format, recognised by content. */
export const IMPORT_SOURCES = [
  'otpauth-list',
  'google-migration',
  'aegis',
  '2fas',
  'bitwarden',
  'proton',
  'andotp',
  'freeotp-plus',
  'authenticator-pro',
  'authy',
  'steam',
  'battle-net',
  'duo',
  'keepass',
  '1password',
  'proton-pass',
  'ente',
  'lastpass',
  'sellerguard-backup',
] as const

/** The product each source is, as users know it: for preview titles and the list of formats SellerGuard reads. */
export const IMPORT_SOURCE_NAMES: Readonly<Record<(typeof IMPORT_SOURCES)[number], string>> = {
  'otpauth-list': 'otpauth:// links',
  'google-migration': 'Google Authenticator',
  aegis: 'Aegis',
  '2fas': '2FAS',
  bitwarden: 'Bitwarden',
  proton: 'Proton Authenticator',
  andotp: 'andOTP',
  'freeotp-plus': 'FreeOTP+',
  'authenticator-pro': 'Authenticator Pro (Stratum)',
  authy: 'Authy (decrypted by a community export tool)',
  steam: 'Steam Desktop Authenticator',
  'battle-net': 'Battle.net Authenticator',
  duo: 'Duo Mobile',
  keepass: 'KeePass / KeePassXC',
  '1password': '1Password',
  'proton-pass': 'Proton Pass',
  ente: 'Ente Auth',
  lastpass: 'LastPass Authenticator',
  'sellerguard-backup': 'SellerGuard backup',
}

/** Every file SellerGuard keeps in its data folder, by the name the contract uses for it. */
export const STORED_FILE_NAMES = ['accounts', 'settings', 'checklist', 'clockHistory', 'backupRecord', 'automaticBackups', 'windowState', 'rollbacks', 'lockFailures'] as const

/**
 * Each stored file in the user's words: what it is ("Your account list
 * could not be used"; main's messages say "the account list"), and what
 * "Start fresh" begins with. One table for main and the renderer.
 */
export const STORED_FILE_WORDS: { readonly [N in (typeof STORED_FILE_NAMES)[number]]: Readonly<{ what: string; fresh: string }> } = {
  accounts: { what: 'account list', fresh: 'an empty account list (the secrets stay in the keychain, listed as secrets without an account)' },
  settings: { what: 'settings', fresh: 'the default settings' },
  checklist: { what: 'security checklist', fresh: 'an empty checklist' },
  clockHistory: { what: 'clock history', fresh: 'a new clock history' },
  backupRecord: { what: 'record of your last backup', fresh: 'no record of a backup' },
  automaticBackups: { what: 'automatic backup settings', fresh: 'the default automatic backup settings' },
  windowState: { what: 'window position', fresh: 'the default window position' },
  rollbacks: { what: 'record of unfinished imports', fresh: 'no record (secrets it listed stay in the keychain, shown as secrets without an account)' },
  lockFailures: { what: 'count of wrong app passwords', fresh: 'a count of zero' },
}

/** What the user types to start over after forgetting the password: checked here, not only on the screen. */
export const START_OVER_PHRASE = 'delete my secrets'

/** `value` as one of `choices` (a <select>'s value); anything else throws, as the schema's parse would. */
export function choiceOf<T extends string>(choices: readonly T[], value: string): T {
  if (!(choices as readonly string[]).includes(value)) throw new TypeError(`Not one of ${choices.join(', ')}: ${value}`)
  return value as T
}
