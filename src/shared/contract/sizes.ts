/**
 * The contract's size limits on files and requests, in a file of their own
 * without zod: web mode's server (src/main/web/server.ts) takes them before
 * it has loaded the contract. limits.ts re-exports them with the rest.
 */

/**
 * The largest file the user can pick, drop or paste (an export to import,
 * a QR image, a key file), in bytes; far more than any authenticator export.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024
/** The most characters of a file's data as sent: base64 of `MAX_FILE_BYTES` (text is sent as base64 when that is shorter). */
export const MAX_FILE_DATA_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4
/**
 * The largest request web mode's socket takes, in bytes: two files (an
 * export and its key file) at their limit, plus room for the rest. So a
 * file the renderer lets through never closes the socket (code 1009).
 */
export const MAX_REQUEST_BYTES = 2 * MAX_FILE_DATA_LENGTH + 1024 * 1024
