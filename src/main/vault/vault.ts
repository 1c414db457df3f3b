import { randomBytes } from 'node:crypto'
import { apiError, namesProblem, type AccountPatch, type AccountRef, type AccountSummary, type ApiError, type KeychainStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { normaliseKey, type NormalisedKey } from '../otp/base32'
import type { AccountStore } from './account-store'
import { keychainHelp, keychainName } from './keychain-help'
import { PROBE_ID, probeKeychain, type SecretStore } from './secret-store'

/** What a new account is, before it has an id and a place in the list. */
export type AccountDraft = Omit<AccountSummary, 'id' | 'order' | 'createdAt' | 'updatedAt'>

export type VaultChange = 'accounts' | 'keys' | 'status'

export type VaultDeps = Readonly<{
  secrets: SecretStore
  store: AccountStore
  platform: NodeJS.Platform
  now: () => number
  log: Logger
  /** How long a deleted account can be brought back, ms. */
  undoWindowMs?: number
  /**
   * Codes are published when this many secrets are in at start-up, then
   * at twice, four times … as many, so the first codes show at once.
   */
  batchSize?: number
  /** Keychain reads in flight at once at start-up. */
  readConcurrency?: number
  newId?: () => string
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface Vault {
  status(): KeychainStatus
  /** Accounts in display order. */
  accounts(): readonly AccountSummary[]
  get(id: string): AccountSummary | undefined
  /** The decoded key of an account, for computing codes in main; undefined until loaded. */
  key(id: string): Uint8Array | undefined
  /** Loads metadata, probes the keychain, then streams secrets in. */
  start(): Promise<void>
  retry(): Promise<KeychainStatus>
  useBackup(): Promise<KeychainStatus>
  add(draft: AccountDraft, key: NormalisedKey): Promise<Result<AccountSummary, ApiError>>
  /** Adds several accounts all or nothing: if the keychain fails halfway, what was written is removed. */
  addMany(items: readonly Readonly<{ draft: AccountDraft; key: NormalisedKey }>[]): Promise<Result<AccountSummary[], ApiError>>
  update(patch: AccountPatch): Promise<Result<AccountSummary, ApiError>>
  reorder(ids: readonly string[]): Promise<Result<AccountSummary[], ApiError>>
  remove(id: string): Promise<Result<{ id: string; undoUntil: number }, ApiError>>
  undoRemove(id: string): Promise<Result<AccountSummary, ApiError>>
  /** Reads the secret from the keychain for an explicit reveal. */
  reveal(id: string): Promise<Result<NormalisedKey, ApiError>>
  /** HOTP: counter + 1, saved before the caller shows the new code. */
  advanceCounter(id: string): Promise<Result<AccountSummary, ApiError>>
  onChange(listener: (change: VaultChange) => void): () => void
  /** Carries out deletions still waiting for their undo window. */
  dispose(): Promise<void>
}

type Pending = { account: AccountSummary; key: Uint8Array | undefined; timer: unknown; undoUntil: number }

const byOrder = (a: AccountSummary, b: AccountSummary) => a.order - b.order || a.createdAt - b.createdAt
const refOf = (a: AccountSummary): AccountRef => ({ id: a.id, issuer: a.issuer, label: a.label })
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i])

/**
 * The authenticator's accounts: metadata in a file, secrets only in the OS
 * keychain. Writes are ordered so a crash never loses a secret: adding
 * writes the secret before the metadata; deleting removes the metadata
 * first and the secret only after an undo window. Anything inconsistent
 * found at start-up is reported, never deleted.
 */
export function createVault(deps: VaultDeps): Vault {
  const undoWindowMs = deps.undoWindowMs ?? 10_000
  const batchSize = deps.batchSize ?? 25
  const readConcurrency = deps.readConcurrency ?? 64
  const newId = deps.newId ?? (() => `acc_${randomBytes(12).toString('base64url')}`)
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  const listeners = new Set<(change: VaultChange) => void>()

  let list: AccountSummary[] = []
  // Looked up for every code frame: an index, so 1,000 accounts cost 1,000 lookups, not a million.
  let byId = new Map<string, AccountSummary>()
  const setList = (next: AccountSummary[]) => {
    list = next
    byId = new Map(next.map((a) => [a.id, a]))
  }
  const keys = new Map<string, Uint8Array>()
  const pending = new Map<string, Pending>()
  let status: KeychainStatus = {
    state: 'checking',
    reason: null,
    help: null,
    keychainName: keychainName(deps.platform),
    missingSecrets: [],
    orphanSecrets: [],
    metadataProblem: null,
    backupAvailable: false,
    loaded: 0,
    total: 0,
  }
  // One operation at a time: saves and keychain writes never interleave.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }
  const emit = (change: VaultChange) => listeners.forEach((l) => l(change))
  const setStatus = (patch: Partial<KeychainStatus>) => {
    status = { ...status, ...patch }
    status.help = keychainHelp(status.state, deps.platform, status.reason)
    emit('status')
  }

  function notReady(): ApiError | null {
    if (status.metadataProblem) return apiError('io', `The account list cannot be changed until it is repaired: ${status.metadataProblem}`)
    if (status.state === 'ready') return null
    if (status.state === 'locked') return apiError('keychain-locked', `The ${status.keychainName} is locked. Unlock it, then press Retry.`)
    if (status.state === 'checking') return apiError('keychain-unavailable', `Still opening the ${status.keychainName}. Try again in a moment.`)
    return apiError('keychain-unavailable', `The ${status.keychainName} is not available: ${status.reason ?? 'unknown reason'}.`)
  }

  async function saveList(next: AccountSummary[]): Promise<ApiError | null> {
    const saved = await deps.store.save(next)
    if (saved.ok) return null
    deps.log.error('could not save the account list', saved.error)
    return apiError('io', 'Could not save the account list to disk. Nothing was changed.')
  }

  async function loadMetadata(): Promise<void> {
    const loaded = await deps.store.load()
    if (loaded.ok) {
      setList(loaded.value.sort(byOrder))
      status = { ...status, metadataProblem: null }
      return
    }
    const problem =
      loaded.error.kind === 'too-new'
        ? 'it was written by a newer version of SellerGuard; update SellerGuard to use it.'
        : loaded.error.kind === 'corrupt'
          ? `the file ${loaded.error.path} is damaged (${loaded.error.reason}).`
          : `the file ${loaded.error.path} could not be read (${loaded.error.reason}).`
    deps.log.error('account list unreadable', loaded.error)
    setList([])
    status = { ...status, metadataProblem: problem, backupAvailable: await deps.store.hasBackup() }
  }

  async function loadSecrets(): Promise<void> {
    const probe = await probeKeychain(deps.secrets, randomBytes(16).toString('hex'))
    if (probe.state !== 'ready') {
      keys.clear()
      setStatus({ state: probe.state, reason: probe.reason, loaded: 0, total: list.length, missingSecrets: [], orphanSecrets: [] })
      emit('keys')
      return
    }
    setStatus({ state: 'ready', reason: null, loaded: 0, total: list.length })
    const missing: AccountRef[] = []
    let loaded = 0
    let milestone = batchSize
    // Reads run `readConcurrency` at a time in display order (the keychain
    // answers pipelined requests much faster than one by one); codes are
    // published when the first `batchSize` are in, then at doubling counts.
    let next = 0
    const worker = async () => {
      while (next < list.length) {
        const account = list[next++]!
        const secret = await deps.secrets.get(account.id).catch(() => null)
        const key = secret ? normaliseKey(secret) : null
        if (key?.ok) keys.set(account.id, key.value.bytes)
        else missing.push(refOf(account))
        loaded++
        if (loaded === milestone || loaded === list.length) {
          milestone *= 2
          status = { ...status, loaded }
          emit('keys')
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(readConcurrency, list.length) }, worker))
    // Listing is only safe right after a successful probe (see SecretStore.list).
    const again = await probeKeychain(deps.secrets, randomBytes(16).toString('hex'))
    let orphans: string[] = []
    if (again.state === 'ready') {
      const known = new Set([...list.map((a) => a.id), ...pending.keys(), PROBE_ID])
      try {
        orphans = (await deps.secrets.list()).map((item) => item.id).filter((id) => !known.has(id))
      } catch (e) {
        // The keychain changed while being listed (another app wrote to it): the codes are
        // loaded, only the orphan report is skipped until the next start or Retry.
        deps.log.warn(`could not list the keychain for orphaned items: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    if (missing.length > 0) deps.log.warn(`${missing.length} accounts have no secret in the keychain`)
    if (orphans.length > 0) deps.log.warn(`${orphans.length} keychain items have no account`)
    setStatus({ missingSecrets: missing, orphanSecrets: orphans, loaded })
  }

  const vault: Vault = {
    status: () => status,
    accounts: () => list,
    get: (id) => byId.get(id),
    key: (id) => keys.get(id),

    start: () =>
      serial(async () => {
        await loadMetadata()
        emit('accounts')
        await loadSecrets()
      }),

    retry: () =>
      serial(async () => {
        setStatus({ state: 'checking' })
        await loadMetadata()
        emit('accounts')
        await loadSecrets()
        return status
      }),

    useBackup: () =>
      serial(async () => {
        const restored = await deps.store.restoreBackup(deps.now())
        if (!restored.ok) {
          deps.log.error('could not restore the account list backup', restored.error)
          return status
        }
        await loadMetadata()
        emit('accounts')
        await loadSecrets()
        return status
      }),

    add: (draft, key) =>
      serial(async () => {
        const blocked = notReady()
        if (blocked) return err(blocked)
        const duplicate = list.find((a) => {
          const existing = keys.get(a.id)
          return existing && sameBytes(existing, key.bytes) && a.issuer === draft.issuer && a.label === draft.label
        })
        if (duplicate) return err(apiError('invalid-input', `This account is already in SellerGuard (${duplicate.issuer || duplicate.label}).`))
        const time = deps.now()
        const account: AccountSummary = {
          ...draft,
          id: newId(),
          order: list.reduce((max, a) => Math.max(max, a.order), -1) + 1,
          createdAt: time,
          updatedAt: time,
        }
        try {
          await deps.secrets.set(account.id, key.base32)
        } catch (e) {
          deps.log.error('keychain write failed', e)
          return err(apiError('keychain-unavailable', `The ${status.keychainName} refused to store the secret. Nothing was added.`))
        }
        const next = [...list, account]
        const failed = await saveList(next)
        if (failed) {
          await deps.secrets.delete(account.id).catch((e: unknown) => deps.log.error('could not roll back a keychain item', e))
          return err(failed)
        }
        setList(next)
        keys.set(account.id, key.bytes)
        status = { ...status, loaded: status.loaded + 1, total: status.total + 1 }
        emit('accounts')
        return ok(account)
      }),

    addMany: (items) =>
      serial(async () => {
        const blocked = notReady()
        if (blocked) return err(blocked)
        const time = deps.now()
        let order = list.reduce((max, a) => Math.max(max, a.order), -1)
        const accounts = items.map(({ draft }) => ({ ...draft, id: newId(), order: ++order, createdAt: time, updatedAt: time }) satisfies AccountSummary)
        const written: string[] = []
        const rollback = async () => {
          for (const id of written) await deps.secrets.delete(id).catch((e: unknown) => deps.log.error('could not roll back a keychain item', e))
        }
        for (const [i, account] of accounts.entries()) {
          try {
            await deps.secrets.set(account.id, items[i]!.key.base32)
            written.push(account.id)
          } catch (e) {
            deps.log.error('keychain write failed during import', e)
            await rollback()
            return err(apiError('keychain-unavailable', `The ${status.keychainName} refused a secret after ${written.length} of ${accounts.length}. Nothing was imported.`))
          }
        }
        const next = [...list, ...accounts]
        const failed = await saveList(next)
        if (failed) {
          await rollback()
          return err(failed)
        }
        setList(next)
        accounts.forEach((account, i) => keys.set(account.id, items[i]!.key.bytes))
        status = { ...status, loaded: status.loaded + accounts.length, total: status.total + accounts.length }
        emit('accounts')
        return ok(accounts)
      }),

    update: (patch) =>
      serial(async () => {
        if (status.metadataProblem) return err(notReady()!)
        const current = byId.get(patch.id)
        if (!current) return err(apiError('not-found', 'That account no longer exists.'))
        const { id: _id, ...changes } = patch
        const updated: AccountSummary = { ...current, ...changes, updatedAt: deps.now() }
        const nameless = namesProblem(updated)
        if (nameless) return err(nameless)
        const next = list.map((a) => (a.id === patch.id ? updated : a))
        const failed = await saveList(next)
        if (failed) return err(failed)
        setList(next)
        emit('accounts')
        return ok(updated)
      }),

    reorder: (ids) =>
      serial(async () => {
        if (status.metadataProblem) return err(notReady()!)
        const unknown = ids.find((id) => !byId.has(id))
        if (unknown) return err(apiError('not-found', `No account with id ${unknown}.`))
        if (new Set(ids).size !== ids.length) return err(apiError('invalid-input', 'An account appears twice in the new order.'))
        // Accounts not named keep their relative order after the named ones.
        const named = ids.map((id) => byId.get(id)!)
        const namedIds = new Set(ids)
        const rest = list.filter((a) => !namedIds.has(a.id))
        const next = [...named, ...rest].map((a, order) => (a.order === order ? a : { ...a, order }))
        const failed = await saveList(next)
        if (failed) return err(failed)
        setList(next)
        emit('accounts')
        return ok(list)
      }),

    remove: (id) =>
      serial(async () => {
        if (status.metadataProblem) return err(notReady()!)
        const account = byId.get(id)
        if (!account) return err(apiError('not-found', 'That account no longer exists.'))
        const next = list.filter((a) => a.id !== id)
        const failed = await saveList(next)
        if (failed) return err(failed)
        setList(next)
        const undoUntil = deps.now() + undoWindowMs
        const timer = setTimer(() => void serial(() => deleteSecret(id)), undoWindowMs)
        pending.set(id, { account, key: keys.get(id), timer, undoUntil })
        keys.delete(id)
        emit('accounts')
        return ok({ id, undoUntil })
      }),

    undoRemove: (id) =>
      serial(async () => {
        const held = pending.get(id)
        if (!held) return err(apiError('not-found', 'It is too late to undo: the account was deleted.'))
        const next = [...list, held.account].sort(byOrder)
        const failed = await saveList(next)
        if (failed) return err(failed)
        clearTimer(held.timer)
        pending.delete(id)
        setList(next)
        if (held.key) keys.set(id, held.key)
        emit('accounts')
        return ok(held.account)
      }),

    reveal: (id) =>
      serial(async () => {
        const account = byId.get(id)
        if (!account) return err(apiError('not-found', 'That account no longer exists.'))
        const blocked = notReady()
        if (blocked) return err(blocked)
        const secret = await deps.secrets.get(id).catch(() => null)
        if (secret === null) return err(apiError('keychain-locked', `The ${status.keychainName} did not return this secret. Is it locked?`))
        const key = normaliseKey(secret)
        if (!key.ok) return err(apiError('internal', 'The secret stored in the keychain for this account is not valid base32.'))
        deps.log.info(`secret revealed for account ${id}`)
        return ok(key.value)
      }),

    advanceCounter: (id) =>
      serial(async () => {
        const current = byId.get(id)
        if (!current) return err(apiError('not-found', 'That account no longer exists.'))
        if (current.type !== 'hotp') return err(apiError('invalid-input', 'Only counter-based (HOTP) accounts have a next code to ask for.'))
        // No key, no code: advancing now would move the counter without the user ever seeing the code.
        if (!keys.has(id)) return err(notReady() ?? apiError('keychain-locked', `The secret of this account is not loaded from the ${status.keychainName}.`))
        const updated = { ...current, counter: current.counter + 1, updatedAt: deps.now() }
        const next = list.map((a) => (a.id === id ? updated : a))
        const failed = await saveList(next)
        if (failed) return err(failed)
        setList(next)
        emit('accounts')
        return ok(updated)
      }),

    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    dispose: () =>
      serial(async () => {
        for (const [id, held] of pending) {
          clearTimer(held.timer)
          await deleteSecret(id)
        }
      }),
  }

  async function deleteSecret(id: string): Promise<void> {
    if (!pending.delete(id)) return
    try {
      await deps.secrets.delete(id)
    } catch (e) {
      // It stays in the keychain and is reported as an orphan at the next start.
      deps.log.error(`could not delete the keychain item of account ${id}`, e)
    }
  }

  return vault
}

