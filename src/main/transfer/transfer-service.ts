import { randomBytes } from 'node:crypto'
import { apiError, MAX_ACCOUNTS_PER_IMPORT, MAX_NAME_LENGTH, MAX_PREVIEW_PROBLEMS, namesProblem, type AccountKind, type ApiError, type ImportChoice, type ImportAdding, type ImportOutcome, type ImportPreview, type ImportProgress, type ImportSource } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { mapInSlices } from '../core/slices'
import { normaliseKey } from '../otp/base32'
import type { CaptureError, ScreenCapture } from '../qr/screen-capture'
import type { QrError } from '../qr/decode'
import { readImageHeader } from '../qr/image-header'
import { isAuthenticatorLink, notAuthenticatorQrMessage } from '../qr/qr-content'
import { guessKind } from '../otp/key-input'
import type { AccountDraft } from '../vault/vault'
import { decryptBackup, looksLikeBackup, type BackupAccount } from './backup'
import { createExports, type ExportDeps } from './export-service'
import type { CryptoWork } from './crypto-work'
import { readImport } from './read-import'
import type { ImportedAccount } from './types'

export type TransferDeps = ExportDeps &
  Readonly<{
    log: Logger
    decodeQr: (bytes: Uint8Array) => Promise<Result<string[], QrError>>
    screen: ScreenCapture | null
    /** Restores a backup's checklist ticks onto the accounts restored from it (old id → new id). */
    restoreChecklist: (state: unknown, ids: ReadonlyMap<string, string>) => Promise<unknown>
    /** Where importers derive keys: the transfer worker thread (absent in tests: this thread). */
    work?: CryptoWork
    /** Progress of an expensive key derivation while a file is opened (the `transfer.progress` event). */
    onProgress?: (progress: ImportProgress) => void
    /** How far a confirmed import has got writing secrets (the `transfer.adding` event). */
    onAdding?: (progress: ImportAdding) => void
  }>

type Held = Readonly<{
  accounts: readonly (ImportedAccount & { kind?: AccountKind; id?: string })[]
  at: number
  /** From a SellerGuard backup: its checklist ticks, keyed by the backup's account ids. */
  checklist?: unknown
}>

/** A preview's secrets stay in main, and only this long. */
const PREVIEW_TTL_MS = 10 * 60 * 1000

/**
 * Moving in and out: import previews (secrets held in main, never sent to
 * the renderer), all-or-nothing confirmation; and the exports (export-service.ts).
 */
export function createTransferService(deps: TransferDeps) {
  const previews = new Map<string, Held>()
  /** Imports being written, by preview: how to stop one, and its outcome. */
  const running = new Map<string, { stop: AbortController; outcome: Promise<Result<ImportOutcome, ApiError>> }>()

  function forget(): void {
    const now = deps.now()
    for (const [id, held] of previews) if (now - held.at > PREVIEW_TTL_MS) previews.delete(id)
  }

  async function hold(format: ImportSource, accounts: Held['accounts'], found: readonly ImportPreview['problems'][number][], warnings: string[], checklist?: unknown, omitted = 0): Promise<ImportPreview> {
    // A bounded reply: the first problems, and how many more (a file of bad lines must not make a reply of its size).
    const problems = found.slice(0, MAX_PREVIEW_PROBLEMS)
    const omittedProblems = omitted + found.length - problems.length
    forget()
    const previewId = randomBytes(16).toString('hex')
    previews.set(previewId, { accounts, at: deps.now(), ...(checklist !== undefined ? { checklist } : {}) })
    const dup = await deps.vault.duplicatesOf(accounts)
    const existing = new Set(dup.existing.map((d) => d.index))
    const repeated = new Set(dup.repeated.map((d) => d.index))
    return {
      previewId,
      format,
      entries: accounts.map((a, index) => ({
        index,
        issuer: a.issuer,
        label: a.label,
        type: a.type,
        algorithm: a.algorithm,
        digits: a.digits,
        period: a.period,
        counter: a.counter,
        group: a.group ?? '',
        duplicate: existing.has(index) ? 'existing' : repeated.has(index) ? 'repeated' : 'none',
      })),
      problems,
      ...(omittedProblems > 0 ? { omittedProblems } : {}),
      warnings: accounts.length > MAX_ACCOUNTS_PER_IMPORT ? [...warnings, `This file has ${accounts.length.toLocaleString('en-US')} accounts; SellerGuard adds at most ${MAX_ACCOUNTS_PER_IMPORT.toLocaleString('en-US')} per import. Choose up to that many, then import the rest in another step.`] : warnings,
    }
  }

  async function previewText(input: Uint8Array | string, password: string | undefined, keyFile?: Uint8Array): Promise<Result<ImportPreview, ApiError>> {
    const text = typeof input === 'string' ? input : null
    if (text !== null && text.trimStart().startsWith('{')) {
      let doc: unknown
      try {
        doc = JSON.parse(text)
      } catch {
        doc = null
      }
      if (looksLikeBackup(doc)) {
        if (!password) return err(apiError('invalid-input', 'This is an encrypted SellerGuard backup: enter its password.', { field: 'password' }))
        const opened = await decryptBackup(text, password)
        if (!opened.ok) return err(apiError('invalid-input', opened.error.message, { field: 'password' }))
        const accounts = opened.value.accounts.map((a: BackupAccount) => ({ ...a, group: a.group }))
        return ok(await hold('sellerguard-backup', accounts, [], [], opened.value.checklist))
      }
    }
    const imported = await readImport(input, {
      ...(password ? { password } : {}),
      ...(keyFile ? { keyFile } : {}),
      ...(deps.work ? { work: deps.work } : {}),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    })
    if (!imported.ok) {
      const e = imported.error
      // Every import error is about the file or its password, which the user can act on.
      return err(apiError('invalid-input', e.message, e.kind === 'password-required' || e.kind === 'wrong-password' ? { field: 'password' } : {}))
    }
    const { format, accounts, errors, warnings, omittedErrors } = imported.value
    return ok(
      await hold(
        format,
        accounts,
        errors.map((e) => ({ index: e.index, ...(e.name ? { name: e.name.slice(0, MAX_NAME_LENGTH) } : {}), message: e.message })),
        warnings.map((w) => w.message),
        undefined,
        omittedErrors,
      ),
    )
  }

  async function previewQr(bytes: Uint8Array): Promise<Result<ImportPreview, ApiError>> {
    const decoded = await deps.decodeQr(bytes)
    if (!decoded.ok) return err(apiError(decoded.error.kind === 'decoder-failed' ? 'internal' : 'invalid-input', decoded.error.message))
    const links = decoded.value.filter(isAuthenticatorLink)
    if (links.length === 0) return err(apiError('invalid-input', notAuthenticatorQrMessage(decoded.value)))
    return previewText(links.join('\n'), undefined)
  }

  /** Adds the chosen entries, all or nothing; stopped by `signal` (then nothing is kept). */
  async function addChosen(input: ImportChoice, signal: AbortSignal): Promise<Result<ImportOutcome, ApiError>> {
    forget()
    const held = previews.get(input.previewId)
    if (!held) return err(apiError('not-found', 'This import has expired. Open the file again.'))
    const chosen = [...new Set(input.indexes)].filter((i) => i < held.accounts.length)
    if (chosen.length > MAX_ACCOUNTS_PER_IMPORT) {
      return err(apiError('invalid-input', `Choose at most ${MAX_ACCOUNTS_PER_IMPORT.toLocaleString('en-US')} accounts per import (${chosen.length.toLocaleString('en-US')} are chosen), then import the rest in another step.`))
    }
    const single = held.accounts.length === 1
    type Item = { index: number; draft: AccountDraft; key: ReturnType<typeof normaliseKey> & { ok: true }; nameless: ApiError | null }
    // A slice of accounts at a time: keys and names of 1,000 accounts are ~20 ms of work.
    const checked = await mapInSlices(chosen, (index): Item | null => {
      const a = held.accounts[index]!
      const key = normaliseKey(a.secret)
      if (!key.ok) return null
      const issuer = (single && input.issuer) || a.issuer
      const label = (single && input.label) || a.label
      const draft = { type: a.type, issuer, label, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter, group: input.group ?? a.group ?? '', kind: input.kind ?? a.kind ?? guessKind(issuer, label), region: input.region ?? null }
      return { index, draft, key, nameless: namesProblem(draft) }
    })
    const items = checked.filter((item): item is Item => item !== null)
    const nameless = items.find((item) => item.nameless !== null)?.nameless
    if (nameless) return err(nameless)
    const onWritten = (written: number, total: number) => deps.onAdding?.({ previewId: input.previewId, written, total })
    const added = await deps.vault.addMany(
      items.map((i) => ({ draft: i.draft, key: i.key.value })),
      { signal, onWritten },
    )
    if (!added.ok) return added
    previews.delete(input.previewId)
    if (held.checklist !== undefined) {
      const ids = new Map<string, string>()
      items.forEach((item, i) => {
        const oldId = held.accounts[item.index]?.id
        if (oldId) ids.set(oldId, added.value[i]!.id)
      })
      await deps.restoreChecklist(held.checklist, ids)
    }
    return ok({ addedIds: added.value.map((a) => a.id), onlyAdded: added.value.length === 1 ? added.value[0]! : null, skipped: held.accounts.length - added.value.length })
  }

  return {
    /** The import dialog opened: the thread files are read on is started now, not with the first file. */
    prepare: () => ({ started: deps.work?.prepare?.() ?? false }),
    // An image picked or dropped for import is a QR code (a Google Authenticator export, a set-up page).
    preview: (data: Uint8Array | string, password: string | undefined, keyFile?: Uint8Array) => (typeof data !== 'string' && readImageHeader(data) ? previewQr(data) : previewText(data, password, keyFile)),
    previewImage: (bytes: Uint8Array) => previewQr(bytes),
    async previewScreen(): Promise<Result<ImportPreview, ApiError>> {
      if (!deps.screen) return err(apiError('invalid-input', 'Screen capture is not available here. Save the QR code as an image and open it instead.'))
      const shot = await deps.screen.capture()
      if (!shot.ok) return err(apiError('io', (shot.error as CaptureError).message))
      return previewQr(shot.value)
    },

    confirm(input: ImportChoice): Promise<Result<ImportOutcome, ApiError>> {
      if (running.has(input.previewId)) return Promise.resolve(err(apiError('invalid-input', 'This import is already running.')))
      const stop = new AbortController()
      const outcome = addChosen(input, stop.signal).finally(() => running.delete(input.previewId))
      running.set(input.previewId, { stop, outcome })
      return outcome
    },

    /** Stops a running import; resolves once it has ended, saying whether it was undone (all or nothing). */
    async cancel(previewId: string): Promise<Result<{ cancelled: boolean }, ApiError>> {
      const run = running.get(previewId)
      if (!run) return ok({ cancelled: false })
      run.stop.abort()
      const ended = await run.outcome
      return ok({ cancelled: !ended.ok && ended.error.kind === 'cancelled' })
    },

    ...createExports(deps),
  }
}

export type TransferService = ReturnType<typeof createTransferService>
