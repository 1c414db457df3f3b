import type * as Kdbxweb from 'kdbxweb'
import { aesKdfEstimate, argon2Estimate } from './estimate'
import { MAX_ARGON2_MEMORY_KIB, MAX_KDF_MS, type Argon2Task, type KdbxEntry, type KdbxOutcome, type KdbxTask } from './protocol'

/*
 * KeePass databases, read with kdbxweb 2.1.1 (keeweb/kdbxweb: KDBX 3.1 with
 * AES-KDF, KDBX 4 with Argon2d/Argon2id or AES-KDF, AES-256 / ChaCha20 /
 * Salsa20) and hash-wasm for Argon2, which kdbxweb leaves to its caller.
 * The header is read first for the KDF and its cost (the file's own: we
 * estimate the time, report it, and refuse absurd costs); then the whole
 * file is decrypted, its HMACs or hashes checked, and only the entries'
 * names and TOTP fields leave this thread.
 */

type Kdbx = typeof Kdbxweb
type Argon2Run = (task: Argon2Task) => Promise<Uint8Array>

/** KeePassXC's `otp` and legacy fields, and KeePass 2.47's own (keepass.info help/base/placeholders.html#otp). */
const TOTP_FIELD = /^(otp|TOTP Seed|TOTP Settings|TimeOtp-.+|HmacOtp-.+)$/

export async function openKdbx(task: KdbxTask, argon2: Argon2Run, estimate: (ms: number) => void): Promise<KdbxOutcome> {
  const kdbxweb = await loadKdbxweb(argon2)
  const data = task.file.slice().buffer
  try {
    const header = kdbxweb.KdbxHeader.read(new kdbxweb.BinaryStream(data), new kdbxweb.KdbxContext({ kdbx: new kdbxweb.Kdbx() }))
    const cost = await kdfCost(kdbxweb, header, argon2)
    if (typeof cost === 'string') return { ok: false, kind: 'too-costly', message: cost }
    estimate(cost)
    const password = task.password === null ? null : kdbxweb.ProtectedValue.fromString(task.password)
    const credentials = new kdbxweb.Credentials(password, task.keyFile === null ? null : task.keyFile.slice().buffer)
    const db = await kdbxweb.Kdbx.load(data, credentials)
    return { ok: true, entries: entriesOf(kdbxweb, db), version: db.versionMajor }
  } catch (e) {
    return failure(kdbxweb, e)
  }
}

async function loadKdbxweb(argon2: Argon2Run): Promise<Kdbx> {
  const imported = (await import('kdbxweb')) as Kdbx & { default?: Kdbx }
  const kdbxweb = imported.default ?? imported
  kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memoryKiB, iterations, length, parallelism, type, version) => {
    if (version !== 0x13) throw new kdbxweb.KdbxError(kdbxweb.Consts.ErrorCodes.Unsupported, 'argon2 version')
    const variant = type === kdbxweb.CryptoEngine.Argon2TypeArgon2d ? 'argon2d' : 'argon2id'
    const key = await argon2({ kind: 'argon2', variant, password: new Uint8Array(password), salt: new Uint8Array(salt), iterations, memoryKiB, parallelism, length })
    return key.slice().buffer
  })
  return kdbxweb
}

/** Estimated ms of the file's key derivation, or why it is refused. */
async function kdfCost(kdbxweb: Kdbx, header: Kdbxweb.KdbxHeader, argon2: Argon2Run): Promise<number | string> {
  if (header.versionMajor < 4) return checkedTime(aesKdfEstimate(header.keyEncryptionRounds ?? 0))
  const params = header.kdfParameters
  const number = (key: string): number => {
    const value = params?.get(key)
    return typeof value === 'number' ? value : value instanceof kdbxweb.Int64 ? value.value : 0
  }
  const uuid = params?.get('$UUID')
  const id = uuid instanceof ArrayBuffer ? kdbxweb.ByteUtils.bytesToBase64(uuid) : ''
  if (id === kdbxweb.Consts.KdfId.Aes) return checkedTime(aesKdfEstimate(number('R')))
  if (id !== kdbxweb.Consts.KdfId.Argon2d && id !== kdbxweb.Consts.KdfId.Argon2id) return 0
  const memoryKiB = number('M') / 1024
  if (memoryKiB > MAX_ARGON2_MEMORY_KIB) {
    return `This database's key derivation needs ${Math.round(memoryKiB / 1024)} MiB of memory; SellerGuard opens files that need at most ${MAX_ARGON2_MEMORY_KIB / 1024} MiB. In KeePassXC, lower the memory in Database Settings → Security, save, and import again.`
  }
  const sample: Argon2Task = { kind: 'argon2', variant: 'argon2d', password: new Uint8Array(1), salt: new Uint8Array(32), iterations: number('I'), memoryKiB, parallelism: Math.max(1, number('P')), length: 32 }
  return checkedTime(await argon2Estimate(argon2, sample))
}

function checkedTime(ms: number): number | string {
  if (ms <= MAX_KDF_MS) return ms
  return `Opening this database would take about ${Math.round(ms / 60_000)} minutes on this computer (its key derivation is set very high). In KeePassXC, lower it in Database Settings → Security, save, and import again.`
}

function entriesOf(kdbxweb: Kdbx, db: Kdbxweb.Kdbx): KdbxEntry[] {
  const root = db.getDefaultGroup()
  const binUuid = db.meta.recycleBinEnabled !== false ? db.meta.recycleBinUuid : undefined
  const entries: KdbxEntry[] = []
  for (const entry of root.allEntries()) {
    const path: string[] = []
    let recycled = false
    for (let group = entry.parentGroup; group && group !== root; group = group.parentGroup) {
      path.unshift(group.name ?? '')
      if (binUuid && group.uuid.equals(binUuid)) recycled = true
    }
    const fields: Record<string, string> = {}
    for (const [name, value] of entry.fields) if (TOTP_FIELD.test(name)) fields[name] = text(kdbxweb, value)
    entries.push({ title: text(kdbxweb, entry.fields.get('Title')), username: text(kdbxweb, entry.fields.get('UserName')), fields, path, recycled })
  }
  return entries
}

function text(kdbxweb: Kdbx, value: Kdbxweb.KdbxEntryField | undefined): string {
  if (value === undefined) return ''
  return value instanceof kdbxweb.ProtectedValue ? value.getText() : value
}

/** kdbxweb's error codes (defs/consts.ts) as the three things a user can act on. */
function failure(kdbxweb: Kdbx, e: unknown): KdbxOutcome {
  const code = e instanceof kdbxweb.KdbxError ? e.code : ''
  const codes = kdbxweb.Consts.ErrorCodes
  if (code === codes.InvalidKey) return { ok: false, kind: 'wrong-key', message: 'The password or key file is wrong: they do not open this database.' }
  if (code === codes.InvalidVersion || code === codes.Unsupported) {
    return { ok: false, kind: 'unsupported', message: 'This KeePass database uses a format version or encryption SellerGuard cannot read (it reads KDBX 3.1 and 4 with AES, ChaCha20 or Salsa20, and AES-KDF or Argon2). In KeePassXC, choose AES-256 or ChaCha20 in Database Settings → Security, save, and import again.' }
  }
  return { ok: false, kind: 'damaged', message: 'The KeePass database is damaged or cut short, so it cannot be opened.' }
}
