import { err, ok, type Result } from '../../shared/result'

/*
 * Reads one member of a zip archive (1Password's .1pux, Proton Pass's
 * export) with fflate, loaded on first use. Only the member asked for is
 * inflated, and only up to a size no export comes near, so an archive of
 * attachments or a zip bomb costs nothing.
 */

/** A zip's local file header signature, "PK\3\4" (APPNOTE.TXT 4.3.7). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

const MAX_MEMBER_BYTES = 64 * 1024 * 1024

/** The names of the archive's members, and the first one `want` accepts, inflated. */
export async function readZipMember(bytes: Uint8Array, want: (name: string) => boolean): Promise<Result<Readonly<{ name: string; data: Uint8Array }> | null, string>> {
  const { unzipSync } = await import('fflate')
  let tooLarge = false
  try {
    const files = unzipSync(bytes, {
      filter(file) {
        if (!want(file.name)) return false
        if (file.originalSize > MAX_MEMBER_BYTES) tooLarge = true
        return !tooLarge
      },
    })
    if (tooLarge) return err(`the file inside is larger than ${MAX_MEMBER_BYTES / 2 ** 20} MiB`)
    const name = Object.keys(files).find(want)
    return ok(name === undefined ? null : { name, data: files[name]! })
  } catch (e) {
    return err(e instanceof Error ? e.message.slice(0, 80) : 'it cannot be read')
  }
}
