import type { HashAlgorithm, OtpType } from '../../shared/contract/accounts'
import type { ImportSource } from '../../shared/contract/transfer'
import type { CryptoWork, WorkProgress } from './crypto-work'

/**
 * One account read from another authenticator's export, ready to be added.
 * Field meanings and limits are those of the contract's `AccountSummary`.
 */
export type ImportedAccount = Readonly<{
  type: OtpType
  /** The service, e.g. "Amazon"; may be empty. */
  issuer: string
  /** The account name, e.g. an e-mail address; may be empty. */
  label: string
  algorithm: HashAlgorithm
  /** 6–8 for TOTP/HOTP, 5 for Steam. */
  digits: number
  /** TOTP step in seconds; 30 for HOTP (unused) and Steam. */
  period: number
  /** HOTP moving factor; 0 for TOTP and Steam. */
  counter: number
  /** Canonical base32 (`normaliseKey`): upper case, no separators, no padding. */
  secret: string
  /** The folder or group the other app kept it in, if any. */
  group?: string
}>

/** The formats `importFile` recognises (the contract's sources, less SellerGuard's own backup). */
export type ImportFormat = Exclude<ImportSource, 'sellerguard-backup'>

/**
 * One entry that could not be imported; the others still are. Never carries
 * a secret: `name` is only the issuer and account name, when they were readable.
 */
export type ImportEntryError = Readonly<{
  /** 0-based position of the entry in the file's list of entries. */
  index: number
  /** 1-based line number, for line-oriented text formats. */
  line?: number
  /** "Issuer / account" when readable, to tell the user which one failed. */
  name?: string
  message: string
}>

/**
 * Google Authenticator splits a large export over several QR codes (a batch).
 * When some of them are missing the accounts found are still returned, with
 * this so the UI can ask for the missing codes.
 */
export type MissingBatch = Readonly<{
  kind: 'missing-batch'
  /** Google's random id shared by all QR codes of one export. */
  batchId: number
  /** How many QR codes the export has. */
  batchSize: number
  /** 0-based indexes of the QR codes not given; the UI shows them as 1-based ("code 2 of 3"). */
  missing: readonly number[]
  message: string
}>

/**
 * Entries that are not authenticator accounts and were left out on purpose
 * (a password manager's logins without a one-time code, items in its trash).
 */
export type SkippedEntries = Readonly<{
  kind: 'skipped-entries'
  /** How many were left out. */
  count: number
  message: string
}>

/** Something the user should know about a successful import. */
export type ImportWarning = MissingBatch | SkippedEntries

/**
 * What an import produced. A partial import is still a success: bad entries
 * are listed in `errors` and the rest are in `accounts`.
 */
export type ImportResult = Readonly<{
  format: ImportFormat
  accounts: readonly ImportedAccount[]
  /** The first `MAX_PREVIEW_PROBLEMS` (some importers list every one; the preview keeps the first). */
  errors: readonly ImportEntryError[]
  /** Bad entries beyond those in `errors` (absent: none). */
  omittedErrors?: number
  warnings: readonly ImportWarning[]
}>

/** Why nothing could be imported from a file. `message` is plain language for the user. */
export type ImportError =
  | Readonly<{ kind: 'unrecognised-format'; message: string }>
  /** The file looks like `format` but is damaged or not what it claims. */
  | Readonly<{ kind: 'bad-file'; format?: ImportFormat; message: string }>
  | Readonly<{ kind: 'too-large'; limitBytes: number; message: string }>
  | Readonly<{ kind: 'password-required'; format: ImportFormat; message: string }>
  | Readonly<{ kind: 'wrong-password'; format: ImportFormat; message: string }>
  | Readonly<{ kind: 'unsupported-version'; format: ImportFormat; version: number; message: string }>
  /** Encrypted in a way we cannot open (e.g. a Bitwarden or Proton password-protected export): export it again without that protection. */
  | Readonly<{ kind: 'unsupported-encryption'; format: ImportFormat; message: string }>
  /** A SellerGuard backup was given to import: the UI should offer "Restore from backup" instead. */
  | Readonly<{ kind: 'sellerguard-backup'; message: string }>
  /** The caller aborted (options.signal) while the file was being opened. */
  | Readonly<{ kind: 'cancelled'; message: string }>

export type ImportErrorKind = ImportError['kind']

export type ImportOptions = Readonly<{
  /** For encrypted exports and KeePass databases. */
  password?: string
  /** A KeePass key file's bytes (XML, 32 raw bytes, 64 hex digits, or any file, hashed). */
  keyFile?: Uint8Array
  /** Where key derivation runs; the app passes its worker thread. Without one it runs on this thread. */
  work?: CryptoWork
  /** Progress of expensive key derivations (a KeePass database, an Ente export). */
  onProgress?: (progress: WorkProgress) => void
  /** Aborts opening the file: the result is a `cancelled` error. */
  signal?: AbortSignal
}>
