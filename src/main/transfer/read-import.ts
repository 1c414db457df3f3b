import { err, type Result } from '../../shared/result'
import { importFailure, importFile } from './detect'
import type { ImportError, ImportOptions, ImportResult } from './types'

/**
 * Reads an import file as `importFile` does, on the transfer worker thread
 * when there is one (`options.work`, the app's): parsing 1,000 entries is
 * ~80 ms of work (zod per entry, base32, URIs) that would stop the code
 * frames on the main thread. The key derivation an encrypted file needs
 * runs on that same thread; its estimate comes back as the progress.
 * Without a worker (tests of other services) it runs here.
 */
export async function readImport(input: Uint8Array | string, options: ImportOptions = {}): Promise<Result<ImportResult, ImportError>> {
  const { work, onProgress, signal, password, keyFile } = options
  if (!work) return importFile(input, options)
  try {
    return await work.run(
      { kind: 'import', file: input, password: password ?? null, keyFile: keyFile ?? null },
      { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) },
    )
  } catch (e) {
    return err(importFailure(e, signal))
  }
}
