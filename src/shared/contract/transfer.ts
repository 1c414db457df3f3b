import { z } from 'zod'
import { IMPORT_SOURCES } from './choices'
import { method } from './define'
import { AccountKind, AccountSummary, SellerRegion } from './accounts'
import { ExportedFile, FileData } from './files'
import { MAX_ACCOUNTS_PER_REQUEST, MAX_GROUP_LENGTH, MAX_NAME_LENGTH, MAX_PREVIEW_PROBLEMS } from './limits'
import { ExportPassword, ImportPassword } from './passwords'

/** Where an import came from: the file format, recognised by content. */
export const ImportSource = z.enum(IMPORT_SOURCES)
export type ImportSource = z.infer<typeof ImportSource>


/** One account found in a file, without its secret. */
export const PreviewEntry = AccountSummary.pick({ issuer: true, label: true, type: true, algorithm: true, digits: true, period: true, counter: true }).extend({
  index: z.number().int().nonnegative(),
  group: z.string(),
  /** Same secret, issuer and label as an account already in SellerGuard, or as an earlier entry of this file. */
  duplicate: z.enum(['none', 'existing', 'repeated']),
})
export type PreviewEntry = z.infer<typeof PreviewEntry>

/** What an import would add: nothing is written until `transfer.confirm`. */
export const ImportPreview = z.object({
  previewId: z.string(),
  format: ImportSource,
  entries: z.array(PreviewEntry),
  /** Entries that could not be read, each with why: the first `MAX_PREVIEW_PROBLEMS`. */
  problems: z.array(z.object({ index: z.number().int(), name: z.string().optional(), message: z.string() })).max(MAX_PREVIEW_PROBLEMS),
  /** How many more could not be read than `problems` lists (absent: none). */
  omittedProblems: z.number().int().positive().optional(),
  /** e.g. Google Authenticator exports split over several QR codes, some missing. */
  warnings: z.array(z.string()),
})
export type ImportPreview = z.infer<typeof ImportPreview>

/**
 * What a confirmed import added. The accounts themselves come with
 * `accounts.changed`: repeating 1,000 of them here made the reply ~330 KB
 * that the page read for a count.
 */
export const ImportOutcome = z.object({
  /** The ids of the accounts added, in the order of the chosen entries. */
  addedIds: z.array(z.string()),
  /** The account added when it is the only one: the dialog shows its code to finish the site's set-up. */
  onlyAdded: AccountSummary.nullable(),
  skipped: z.number().int(),
})
export type ImportOutcome = z.infer<typeof ImportOutcome>

/** Adds the chosen entries of a preview. */
export const ImportChoice = z
  .object({
    previewId: z.string(),
    indexes: z.array(z.number().int().nonnegative()).max(MAX_ACCOUNTS_PER_REQUEST),
    kind: AccountKind.optional(),
    group: z.string().max(MAX_GROUP_LENGTH).optional(),
    /** For a single account (a scanned QR code): the name the user typed. */
    issuer: z.string().trim().max(MAX_NAME_LENGTH).optional(),
    label: z.string().trim().max(MAX_NAME_LENGTH).optional(),
    /** Amazon's regional site for the chosen accounts (asked for with the kind); omitted: not set. */
    region: SellerRegion.nullable().optional(),
  })
  .strict()
export type ImportChoice = z.infer<typeof ImportChoice>

export const transferMethods = {
  /** Reads an export file (Aegis, 2FAS, Google Authenticator, Bitwarden, Proton, Ente, otpauth list, a SellerGuard backup). */
  preview: method(
    z
      .object({
        file: FileData,
        password: ImportPassword.optional(),
        /** A KeePass database's key file, if it has one (any file: KeePass hashes what is not a key-file format). */
        keyFile: FileData.optional(),
      })
      .strict(),
    ImportPreview,
  ),
  /**
   * The import dialog opened: main gets ready to read a file (it starts the transfer worker thread
   * now, so the first preview does not wait for it). `started`: a thread was started (false: one was
   * ready already, or this runtime reads files on its own thread).
   */
  prepare: method(z.void(), z.object({ started: z.boolean() })),
  /** Reads the QR codes in an image (a photo, a screenshot, a pasted picture). */
  previewImage: method(z.object({ file: FileData }).strict(), ImportPreview),
  /** Captures the screen and reads the QR codes on it. */
  previewScreen: method(z.void(), ImportPreview),
  /** Adds the chosen entries of a preview, all or nothing; `transfer.adding` tells how far it has got. */
  confirm: method(ImportChoice, ImportOutcome),
  /**
   * Stops a running `transfer.confirm` of this preview: what it wrote is removed, and the confirm
   * fails with kind `cancelled`. Replies once that is done: `cancelled` is false when the import had
   * already finished (it is kept) or was not running.
   */
  cancel: method(z.object({ previewId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),
  /** An encrypted SellerGuard backup of every account (with secrets), the checklist and settings. */
  exportBackup: method(z.object({ password: ExportPassword }).strict(), ExportedFile),
  /** An Aegis vault, so users can always leave: encrypted unless `plain` (after a warning in the UI). */
  exportAegis: method(z.object({ password: ExportPassword.optional(), plain: z.boolean().default(false) }).strict(), ExportedFile),
  /** A 2FAS backup (schema 4): encrypted as 2FAS does unless `plain` (after a warning in the UI). */
  exportTwofas: method(z.object({ password: ExportPassword.optional(), plain: z.boolean().default(false) }).strict(), ExportedFile),
  /** Every account as an otpauth:// link, one per line: plain text, only after the UI's warning. */
  exportOtpauthList: method(z.void(), ExportedFile),
}

/**
 * How far opening an encrypted file has got while its key is derived (a
 * KeePass database, an Ente Auth export): the fraction is elapsed time
 * against an estimate measured on this computer.
 */
export const ImportProgress = z.object({
  stage: z.enum(['deriving-key']),
  /** 0–1; 1 when the key is ready. */
  fraction: z.number().min(0).max(1),
  /** The estimated total, ms. */
  estimateMs: z.number().nonnegative(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

/** How far `transfer.confirm` has got writing secrets into the keychain (gnome-keyring takes ~30 ms an item). */
export const ImportAdding = z.object({
  previewId: z.string(),
  /** Secrets written so far. */
  written: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type ImportAdding = z.infer<typeof ImportAdding>

export const transferEvents = {
  progress: ImportProgress,
  adding: ImportAdding,
}
