import { promises as fs } from 'node:fs'
import path from 'node:path'
import { err, ok, type Result } from '../../shared/result'
import { writeFileAtomic } from '../storage/atomic-write'
import { MAX_ICON_IMAGE_BYTES, checkIconImage, type IconImageError, type IconImageType } from './icon-image'

export type IconImage = Readonly<{ mimeType: IconImageType; bytes: Uint8Array }>

export type IconStoreError = IconImageError | Readonly<{ kind: 'io'; reason: string }>

/** Icon images the user picked, one per account, in `<data folder>/icons/`. */
export interface IconStore {
  readonly dir: string
  /** Checks the bytes (type, size, pixels) and keeps them as the account's icon, replacing any earlier one. */
  save(accountId: string, bytes: Uint8Array): Promise<Result<IconImage, IconStoreError>>
  /** The account's image, checked again (the file may have been changed on disk); null when it has none. */
  load(accountId: string): Promise<Result<IconImage | null, IconStoreError>>
  /** Forgets the account's image (no error when there is none). */
  remove(accountId: string): Promise<Result<void, IconStoreError>>
  /** Account ids that have an image. */
  list(): Promise<string[]>
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Account ids are `[A-Za-z0-9_-]{8,64}` (the contract), so an id is a safe
 * file name on every OS; the extension is fixed, and the type is sniffed
 * again on every read rather than taken from the name.
 */
export function createIconStore(dir: string): IconStore {
  const fileOf = (accountId: string) => {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(accountId)) throw new Error(`not an account id: ${accountId}`)
    return path.join(dir, `${accountId}.icon`)
  }
  return {
    dir,
    async save(accountId, bytes) {
      const checked = checkIconImage(bytes)
      if (!checked.ok) return checked
      try {
        await fs.mkdir(dir, { recursive: true, mode: 0o700 })
        await writeFileAtomic(fileOf(accountId), bytes)
      } catch (e) {
        return err({ kind: 'io', reason: reasonOf(e) })
      }
      return ok({ mimeType: checked.value.mimeType, bytes })
    },
    async load(accountId) {
      const file = fileOf(accountId)
      let bytes: Uint8Array
      try {
        const stat = await fs.stat(file)
        // Never read a huge file someone put there into memory.
        if (!stat.isFile()) return err({ kind: 'not-an-image' })
        if (stat.size > MAX_ICON_IMAGE_BYTES) return err({ kind: 'too-large', bytes: stat.size })
        const buffer = await fs.readFile(file)
        bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null)
        return err({ kind: 'io', reason: reasonOf(e) })
      }
      const checked = checkIconImage(bytes)
      return checked.ok ? ok({ mimeType: checked.value.mimeType, bytes }) : checked
    },
    async list() {
      const names = await fs.readdir(dir).catch(() => [] as string[])
      return names.flatMap((name) => {
        const m = /^([A-Za-z0-9_-]{8,64})\.icon$/.exec(name)
        return m ? [m[1]!] : []
      })
    },
    async remove(accountId) {
      try {
        await fs.rm(fileOf(accountId), { force: true })
        return ok(undefined)
      } catch (e) {
        return err({ kind: 'io', reason: reasonOf(e) })
      }
    },
  }
}
