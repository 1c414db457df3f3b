import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/*
 * The interop fixtures: real export files from other projects' test suites,
 * read in place from shared/fixtures/interop beside the checkout (see its
 * README.md). Suites using them run under `needs(interopMissing)`: skipped
 * with the reason where the folder is absent, failing under CI=true.
 */

export const INTEROP_DIR = path.resolve(__dirname, '../../../shared/fixtures/interop')
export const interopPresent = existsSync(INTEROP_DIR)
/** Why the interop fixtures cannot be read here, or null when they can. */
export const interopMissing = interopPresent ? null : `${INTEROP_DIR} is absent (shared/fixtures is not beside this checkout)`

export function readInterop(relative: string): Buffer {
  return readFileSync(path.join(INTEROP_DIR, relative))
}

export { VECTORS, type InteropVector } from './vectors'
