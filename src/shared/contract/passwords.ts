import { z } from 'zod'
import { MAX_PASSWORD_LENGTH, MIN_EXPORT_PASSWORD_LENGTH } from './limits'

/** A password for a file someone else wrote (an import): any non-empty length. */
export const ImportPassword = z.string().max(MAX_PASSWORD_LENGTH)

/** A password SellerGuard encrypts an export with (its own backup, an encrypted Aegis vault). */
export const ExportPassword = z
  .string()
  .min(MIN_EXPORT_PASSWORD_LENGTH, `Use a password of at least ${MIN_EXPORT_PASSWORD_LENGTH} characters. You will need it to restore the backup.`)
  .max(MAX_PASSWORD_LENGTH, `Use a password of at most ${MAX_PASSWORD_LENGTH} characters.`)
