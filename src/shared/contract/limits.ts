import { MAX_FILE_BYTES } from './sizes'

/**
 * Every limit a request or a stored file must keep, in one place. The
 * schemas of the contract are built from these, main's parsers and
 * importers check against them, and the renderer shows them in its forms,
 * so a value one side accepts is never refused by the other.
 */

/** Longest issuer or account name, in characters. */
export const MAX_NAME_LENGTH = 200
/** Longest group name, in characters. */
export const MAX_GROUP_LENGTH = 100
/**
 * Fewest base32 characters a key may have: 16 = 80 bits. RFC 4226 section 4
 * (R6) asks for 128 and recommends 160, yet 80-bit keys are in real use (the
 * Key URI Format's own example, JBSWY3DPEHPK3PXP); anything shorter is a
 * partial copy.
 */
export const MIN_KEY_CHARS = 16
/**
 * Most base32 characters a key may have: 1,024 = 640 bytes, far above any
 * real service's (Amazon's have 52). Add, import and restore refuse longer
 * keys, and a backup holds what they accept.
 */
export const MAX_KEY_CHARS = 1024

/** Longest pasted key or `otpauth://` link, in characters. */
export const MAX_ACCOUNT_TEXT_LENGTH = 4096

/**
 * Digits of a TOTP/HOTP code. RFC 4226 section 5.3 requires at least 6; 8 is
 * the most RFC 6238 appendix A shows, and Google's Key URI Format allows 6 or 8
 * (7 appears in the wild, e.g. in Aegis's test vectors).
 */
export const MIN_DIGITS = 6
export const MAX_DIGITS = 8
/** Steam Guard codes always have 5 characters. */
export const STEAM_DIGITS = 5

/**
 * Longest TOTP step, in seconds: one hour. Longer steps make a code live
 * for hours, which no real service uses.
 */
export const MAX_PERIOD = 3600

/** Entries an import preview lists as unreadable; the rest are counted (`omittedProblems`), so a file of bad lines gets a small reply. */
export const MAX_PREVIEW_PROBLEMS = 100

/**
 * Most accounts one import adds. gnome-keyring rewrites its whole file for
 * every item, so the cost per account grows with the keyring (measured:
 * 1,000 accounts in about 32 s; 10,000 did not finish in 590 s): a larger
 * file is imported in parts, choosing up to this many each time.
 */
export const MAX_ACCOUNTS_PER_IMPORT = 1000

/** Most accounts named in one request (reorder, import confirmation). */
export const MAX_ACCOUNTS_PER_REQUEST = 10_000

/** A checklist item's note and "done by", in characters. */
export const MAX_NOTE_LENGTH = 2000
export const MAX_DONE_BY_LENGTH = 100

/** Longest wait before the clipboard is cleared, in seconds (0 = never). */
export const MAX_CLIPBOARD_CLEAR_SECONDS = 600
/** The longest idle time before an auto-lock, in minutes (a day). */
export const MAX_AUTO_LOCK_MINUTES = 1440
/** NTP servers the clock check may ask. */
export const MAX_NTP_SERVERS = 16
/** A host name is at most 253 characters (RFC 1035 section 2.3.4). */
export const MAX_HOST_LENGTH = 253
/** A time server (NTP, or an HTTPS site) as typed: a host name or IP literal (IPv6 bare or in brackets), optionally with `:port`. */
export const NTP_SERVER_PATTERN = /^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|[A-Za-z0-9.-]+)(:\d{1,5})?$/
/** A global shortcut in Electron's accelerator syntax ("CommandOrControl+Shift+K"); '' = none. */
export const MAX_SHORTCUT_LENGTH = 60
export const SHORTCUT_PATTERN = /^[A-Za-z0-9+ ]*$/

/** A file sent by the renderer: its name's length. */
export const MAX_FILE_NAME_LENGTH = 255
// The file and request sizes live without zod in sizes.ts (web mode's server takes them before the contract loads).
export { MAX_FILE_BYTES, MAX_FILE_DATA_LENGTH, MAX_REQUEST_BYTES } from './sizes'

const MB = 1024 * 1024
/** The words for a file over `MAX_FILE_BYTES`, or null when it fits. */
export function fileTooLarge(name: string, bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null
  return `The file “${name.slice(0, 80)}” is too large (${(bytes / MB).toFixed(1)} MB, at most ${MAX_FILE_BYTES / MB} MB).`
}

/** Any password typed into SellerGuard, in characters. */
export const MAX_PASSWORD_LENGTH = 1024
/**
 * The shortest password SellerGuard encrypts an export with. A backup holds
 * every secret, and anyone with the file can try passwords offline.
 */
export const MIN_EXPORT_PASSWORD_LENGTH = 8
/** The shortest app password: it guards every secret, and the keychain item it wraps can be tried offline. */
export const MIN_APP_PASSWORD_LENGTH = 8

/** A bundled brand's id (`shared/brands/brand-table.ts`), as stored in an account's icon choice. */
export const MAX_BRAND_ID_LENGTH = 40
/** Largest icon image kept, bytes: a logo needs a few kilobytes; this keeps the data folder and each reply small. */
export const MAX_ICON_IMAGE_BYTES = 256 * 1024
/** Largest side of an icon image, pixels: more is never shown (badges are 40 px), and refusing it keeps a decompression bomb out of the renderer. */
export const MAX_ICON_IMAGE_SIDE = 1024
/** "Copy the next code instead when fewer than N seconds are left": the largest N. */
export const MAX_COPY_NEXT_SECONDS = 15
