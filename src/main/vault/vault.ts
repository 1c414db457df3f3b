import { randomBytes } from 'node:crypto'
import { apiError, namesProblem, type AccountPatch, type AccountSummary, type ApiError, type KeychainStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { normaliseKey, type NormalisedKey } from '../otp/base32'
import type { AccountStore } from './account-store'
import { keychainHelp, keychainName } from './keychain-help'
import { KeychainFault } from './keychain-fault'
import { listOrphans, loadKeys } from './keychain-loader'
import { failureState, probeKeychain, type KeychainProbe, type SecretStore } from './secret-store'

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
  // Adds that arrive while the keychain is being opened wait for its answer (bounded by the
  // keychain timeout) instead of failing with "try again in a moment".
  const checked: Array<() => void> = []
  const untilChecked = () => (status.state === 'checking' ? new Promise<void>((resolve) => checked.push(resolve)) : Promise.resolve())
  const setStatus = (patch: Partial<KeychainStatus>) => {
    status = { ...status, ...patch }
    status.help = keychainHelp(status.state, deps.platform, status.reason)
    if (status.state !== 'checking') for (const resolve of checked.splice(0)) resolve()
    emit('status')
  }

  function notReady(): ApiError | null {
    if (status.metadataProblem) return apiError('io', `The account list cannot be changed until it is repaired: ${status.metadataProblem}`)
    if (status.state === 'ready') return null
    if (status.state === 'locked') return apiError('keychain-locked', `The ${status.keychainName} is locked. Unlock it, then press Retry.`)
    if (status.state === 'checking') return apiError('keychain-unavailable', `Still opening the ${status.keychainName}. Try again in a moment.`)
    if (status.state === 'not-answering') return apiError('keychain-unavailable', `The ${status.keychainName} is not answering. Unlock it if it is locked, then press Retry.`)
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

  // Probes take turns: they share one keychain item, and two at once would read each other's value.
  let probing: Promise<unknown> = Promise.resolve()
  const probe = (): Promise<KeychainProbe> => {
    const run = probing.then(() => probeKeychain(deps.secrets, randomBytes(16).toString('hex')))
    probing = run.catch(() => undefined)
    return run
  }
  const loadDeps = { secrets: deps.secrets, probe, log: deps.log, readConcurrency, batchSize }
  // Secret loads run outside `serial`: renames, reorders and deletes never wait on the keychain.
  // A newer load (Retry during start-up) supersedes an older one.
  let generation = 0
  // Ids whose secret is being written right now: not orphans, even before their metadata is saved.
  const writing = new Set<string>()

  /** The keychain refused or failed: say which state it is in, and withdraw the codes. */
  function keychainFailed(probe: Exclude<KeychainProbe, { state: 'ready' }>): void {
    keys.clear()
    setStatus({ state: probe.state, reason: probe.reason, loaded: 0, total: list.length, missingSecrets: [], orphanSecrets: [] })
    emit('keys')
    if (probe.state === 'not-answering') recheck()
  }

  async function loadSecrets(): Promise<void> {
    const mine = ++generation
    const current = () => mine === generation
    const accounts = list
    const result = await loadKeys(accounts, loadDeps, {
      current,
      onReady: () => setStatus({ state: 'ready', reason: null, loaded: 0, total: accounts.length }),
      onKey: (id, key) => void (byId.has(id) && keys.set(id, key)),
      onProgress: (loaded) => {
        status = { ...status, loaded }
        emit('keys')
      },
    })
    if (!current()) return
    if (result.probe.state !== 'ready') return keychainFailed(result.probe)
    setStatus({ missingSecrets: result.missing, loaded: result.loaded })
    const orphans = await listOrphans(loadDeps, () => new Set([...list.map((a) => a.id), ...pending.keys(), ...writing]))
    if (!current()) return
    if (orphans.ok) return setStatus({ orphanSecrets: orphans.value })
    if (orphans.error) keychainFailed(orphans.error)
  }

  /**
   * After a failed write or read: find out (in the background) whether the keychain is locked,
   * gone or stuck. One at a time; a stuck keychain is not asked again until the user retries.
   */
  let rechecking = false
  function recheck(): void {
    if (rechecking) return
    rechecking = true
    const mine = generation
    void probe().then((found) => {
      rechecking = false
      if (mine !== generation || found.state === 'ready') return
      if (found.state === 'not-answering' && status.state !== 'ready') return
      keychainFailed(found)
    })
  }

  /** The error for a keychain call that failed, by what the failure says. */
  function keychainError(e: unknown, what: string): ApiError {
    const failed = failureState(e)
    recheck()
    if (failed.state === 'locked') return apiError('keychain-locked', `The ${status.keychainName} is locked. ${what}`)
    if (failed.state === 'not-answering') return apiError('keychain-unavailable', `The ${status.keychainName} did not answer. ${what}`)
    return apiError('keychain-unavailable', `The ${status.keychainName} refused: ${failed.reason}. ${what}`)
  }

  const vault: Vault = {
    status: () => status,
    accounts: () => list,
    get: (id) => byId.get(id),
    key: (id) => keys.get(id),

    start: async () => {
      await serial(async () => {
        await loadMetadata()
        emit('accounts')
      })
      await loadSecrets()
    },

    retry: async () => {
      await serial(async () => {
        setStatus({ state: 'checking' })
        await loadMetadata()
        emit('accounts')
      })
      await loadSecrets()
      return status
    },

    useBackup: async () => {
      const restored = await serial(async () => {
        const done = await deps.store.restoreBackup(deps.now())
        if (!done.ok) {
          deps.log.error('could not restore the account list backup', done.error)
          return false
        }
        await loadMetadata()
        emit('accounts')
        return true
      })
      if (restored) await loadSecrets()
      return status
    },

    add: async (draft, key) => {
      await untilChecked()
      return serial(async () => {
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
        writing.add(account.id)
        try {
          await deps.secrets.set(account.id, key.base32)
        } catch (e) {
          writing.delete(account.id)
          deps.log.error('keychain write failed', e)
          return err(keychainError(e, 'Nothing was added.'))
        }
        const next = [...list, account]
        const failed = await saveList(next)
        writing.delete(account.id)
        if (failed) {
          await deps.secrets.delete(account.id).catch((e: unknown) => deps.log.error('could not roll back a keychain item', e))
          return err(failed)
        }
        setList(next)
        keys.set(account.id, key.bytes)
        status = { ...status, loaded: status.loaded + 1, total: status.total + 1 }
        emit('accounts')
        return ok(account)
      })
    },

    addMany: async (items) => {
      await untilChecked()
      return serial(async () => {
        const blocked = notReady()
        if (blocked) return err(blocked)
        const time = deps.now()
        let order = list.reduce((max, a) => Math.max(max, a.order), -1)
        const accounts = items.map(({ draft }) => ({ ...draft, id: newId(), order: ++order, createdAt: time, updatedAt: time }) satisfies AccountSummary)
        const written: string[] = []
        // Stops at the first refusal: a locked or stuck keychain would refuse (or stall on) every
        // other delete too. What is left is reported as orphaned items at the next load.
        const rollback = async () => {
          for (const id of written) {
            try {
              await deps.secrets.delete(id)
            } catch (e) {
              deps.log.error(`could not roll back ${written.length - written.indexOf(id)} keychain items`, e)
              return
            }
          }
        }
        for (const [i, account] of accounts.entries()) {
          writing.add(account.id)
          try {
            await deps.secrets.set(account.id, items[i]!.key.base32)
            written.push(account.id)
          } catch (e) {
            deps.log.error('keychain write failed during import', e)
            const error = keychainError(e, `It refused a secret after ${written.length} of ${accounts.length}. Nothing was imported.`)
            // A keychain that stopped answering would stall on every delete too: what was written
            // stays, and is reported as orphaned items at the next load.
            if (!(e instanceof KeychainFault)) await rollback()
            accounts.forEach((a) => writing.delete(a.id))
            return err(error)
          }
        }
        const next = [...list, ...accounts]
        const failed = await saveList(next)
        accounts.forEach((a) => writing.delete(a.id))
        if (failed) {
          await rollback()
          return err(failed)
        }
        setList(next)
        accounts.forEach((account, i) => keys.set(account.id, items[i]!.key.bytes))
        status = { ...status, loaded: status.loaded + accounts.length, total: status.total + accounts.length }
        emit('accounts')
        return ok(accounts)
      })
    },

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
        let secret: string | null
        try {
          secret = await deps.secrets.get(id)
        } catch (e) {
          return err(keychainError(e, 'The secret could not be read.'))
        }
        if (secret === null) {
          recheck()
          return err(apiError('keychain-locked', `The ${status.keychainName} did not return this secret. Is it locked?`))
        }
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

