import { randomBytes } from 'node:crypto'
import { apiError, namesProblem, type AccountSummary, type ApiError, type KeychainStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { createListeners } from '../core/listeners'
import { createSerial } from '../core/serial'
import { normaliseKey } from '../otp/base32'
import { byOrder, createAccountList } from './account-list'
import { addAccounts, type AddOptions, type NewAccountItem } from './add-accounts'
import { duplicatesAmong, type Comparable } from './duplicates'
import { listOrphans, loadKeys } from './keychain-loader'
import { createKeychainGuard, type KeychainFailure } from './keychain-guard'
import { createKeychainStatus } from './keychain-status'
import { createOrphans } from './orphans'
import { createPendingRollbacks } from './pending-rollbacks'
import { createPendingDeletes } from './pending-deletes'
import type { AccountUpdate, Vault, VaultChange, VaultDeps } from './vault-api'

export type { AccountDraft } from './add-accounts'
export type { AccountUpdate, Vault, VaultChange, VaultDeps }

/**
 * The authenticator's accounts: metadata in a file, secrets only in the OS
 * keychain. Writes are ordered so a crash never loses a secret: adding
 * writes the secret before the metadata; deleting removes the metadata
 * first and the secret only after an undo window. Anything inconsistent
 * found at start-up is reported, never deleted.
 */
export function createVault(deps: VaultDeps): Vault {
  const newId = deps.newId ?? (() => `acc_${randomBytes(12).toString('base64url')}`)
  const changes = createListeners<[VaultChange]>()
  const emit = changes.emit
  const list = createAccountList(deps.store, deps.log)
  const keys = new Map<string, Uint8Array>()
  const keychain = createKeychainStatus(deps.platform, () => emit('status'))
  // One operation at a time: saves and keychain writes never interleave.
  const serial = createSerial()
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  const pending = createPendingDeletes({ secrets: deps.secrets, log: deps.log, now: deps.now, undoWindowMs: deps.undoWindowMs ?? 10_000, setTimer, clearTimer, run: serial })
  // Secret loads run outside `serial`: renames, reorders and deletes never wait on the keychain.
  // A newer load (Retry during start-up) supersedes an older one.
  let generation = 0
  const writing = new Set<string>()
  const rollbacks = deps.rollbacks ?? createPendingRollbacks()
  const guard = createKeychainGuard({ secrets: deps.secrets, keychain, generation: () => generation, failed: keychainFailed })
  const loadDeps = { secrets: deps.secrets, probe: guard.probe, log: deps.log, readConcurrency: deps.readConcurrency ?? 64, batchSize: deps.batchSize ?? 25, ...(deps.mayReadSecrets ? { mayRead: deps.mayReadSecrets } : {}) }

  /** The keychain refused or failed: say which state it is in, and withdraw the codes. */
  function keychainFailed(probe: KeychainFailure): void {
    keys.clear()
    keychain.set({ state: probe.state, reason: probe.reason, loaded: 0, total: list.all().length, missingSecrets: [], orphanSecrets: [] })
    emit('keys')
    if (probe.state === 'not-answering') guard.recheck()
  }

  async function loadSecrets(): Promise<void> {
    const mine = ++generation
    const current = () => mine === generation
    const accounts = list.all()
    const reading = new Set(accounts.map((a) => a.id))
    // An account added while this load runs holds its key already: it counts as loaded (else the load's own count hides it for good).
    const addedMeanwhile = () => list.all().filter((a) => !reading.has(a.id) && keys.has(a.id)).length
    const result = await loadKeys(accounts, loadDeps, {
      current,
      onReady: () => keychain.set({ state: 'ready', reason: null, loaded: addedMeanwhile(), total: list.all().length }),
      onKey: (id, key) => void (list.has(id) && keys.set(id, key)),
      onProgress: (loaded) => (keychain.note({ loaded: loaded + addedMeanwhile() }), emit('keys')),
    })
    if (!current()) return
    // The app lock is locked: the keychain answers, and no secret is read until it is unlocked.
    if (result.appLocked) return keychain.set({ state: 'ready', reason: null, loaded: 0, total: list.all().length, missingSecrets: [], orphanSecrets: [] })
    if (result.probe.state !== 'ready') return keychainFailed(result.probe)
    keychain.set({ missingSecrets: result.missing, loaded: result.loaded + addedMeanwhile() })
    await serial(() => rollbacks.finish(deps.secrets, (id) => list.has(id) || writing.has(id), deps.log))
    await deps.beforeOrphanCheck?.()
    const orphans = await listOrphans(loadDeps, () => new Set([...list.all().map((a) => a.id), ...pending.ids(), ...writing, ...rollbacks.ids()]))
    if (!current()) return
    if (orphans.ok) return keychain.set({ orphanSecrets: orphans.value })
    if (orphans.error) keychainFailed(orphans.error)
  }

  /** Start, Retry and "use the backup copy" all end here: the list from its file (queued), then every secret (not queued). */
  async function reload(first: () => Promise<boolean> = async () => true): Promise<KeychainStatus> {
    const loaded = await serial(async () => {
      if (!(await first())) return false
      const problem = await list.load()
      keychain.note({ metadataProblem: problem?.message ?? null, ...(problem ? { backupAvailable: problem.backupAvailable } : {}) })
      emit('accounts')
      return true
    })
    if (loaded) await loadSecrets()
    return keychain.get()
  }

  deps.store.onRecovered(async () => void (await reload()))
  const orphans = createOrphans({ secrets: deps.secrets, list, keychain, keys, now: deps.now, log: deps.log, errorFor: guard.errorFor, emit })

  const duplicatesOf = (incoming: readonly Comparable[]) => duplicatesAmong(incoming, list.all(), (id) => keys.get(id))

  const addAll = async (items: readonly NewAccountItem[], refuseDuplicates: boolean, options?: AddOptions): Promise<Result<AccountSummary[], ApiError>> => {
    await keychain.untilChecked()
    const refused = keychain.refusal()
    if (refused) return err(refused)
    const repeat = refuseDuplicates ? (await duplicatesOf(items.map(({ draft, key }) => ({ ...draft, secret: key.base32 })))).existing[0] : undefined
    const same = repeat && list.get(repeat.existingId)
    if (same) return err(apiError('invalid-input', `This account is already in SellerGuard (${same.issuer || same.label}).`))
    // The secrets are written outside the queue (a 1,000-account import takes half a minute on gnome-keyring); the list save waits in it.
    const append = (accounts: readonly AccountSummary[]) =>
      serial(async () => {
        const blocked = keychain.listRefusal()
        if (blocked) return err(blocked)
        const next = accounts.map((a, i) => ({ ...a, order: list.nextOrder() + i }))
        const failed = await list.save([...list.all(), ...next])
        if (failed) return err(failed)
        next.forEach((account, i) => keys.set(account.id, items[i]!.key.bytes))
        const { loaded, total } = keychain.get()
        keychain.note({ loaded: loaded + items.length, total: total + items.length })
        emit('accounts')
        return ok(next)
      })
    return addAccounts(items, { secrets: deps.secrets, log: deps.log, now: deps.now, newId, writing, errorFor: guard.errorFor, rollbacks, append }, options)
  }
  /** Saves a changed list (metadata only) and tells listeners. */
  async function commit<T>(next: AccountSummary[], value: T): Promise<Result<T, ApiError>> {
    const failed = await list.save(next)
    if (failed) return err(failed)
    emit('accounts')
    return ok(value)
  }
  const gone = () => err(apiError('not-found', 'That account no longer exists.'))
  const replaced = (updated: AccountSummary) => list.all().map((a) => (a.id === updated.id ? updated : a))
  /** A change of metadata only: refused while the list file could not be read. */
  const changeList = <T>(task: () => Promise<Result<T, ApiError>>) =>
    serial(async () => {
      const blocked = keychain.listRefusal()
      return blocked ? err(blocked) : task()
    })

  return {
    status: () => keychain.get(),
    accounts: () => list.all(),
    get: (id) => list.get(id),
    key: (id) => keys.get(id),
    accountIdsWithKey: () => {
      const { state, loaded, total } = keychain.get()
      return state === 'ready' && loaded >= total ? new Set(list.all().flatMap((a) => (keys.has(a.id) ? [a.id] : []))) : null
    },
    duplicatesOf,

    start: async () => void (await reload()),
    retry: () => reload(async () => (keychain.set({ state: 'checking' }), true)),
    // Either way out of a damaged list (here or `storage.recover`) ends in a reload, which the store awaits.
    useBackup: async () => (await list.restoreBackup(deps.now()), keychain.get()),

    adoptOrphans: (ids) => serial(() => orphans.adopt(ids)),
    deleteOrphans: (ids) => serial(() => orphans.discard(ids)),
    // Locked: every key held is overwritten and dropped; a load in flight stops (its generation is gone).
    forgetSecrets: () => (generation++, keys.forEach((key) => key.fill(0)), keys.clear(), pending.forgetKeys(), keychain.note({ loaded: 0 }), emit('keys')),
    readSecrets: () => loadSecrets(),

    add: async (draft, key) => {
      const added = await addAll([{ draft, key }], true)
      return added.ok ? ok(added.value[0]!) : added
    },
    addMany: (items, options) => addAll(items, false, options),

    update: (patch) =>
      changeList(async () => {
        const current = list.get(patch.id)
        if (!current) return gone()
        const { id: _id, ...changes } = patch
        const updated: AccountSummary = { ...current, ...changes, updatedAt: deps.now() }
        const nameless = namesProblem(updated)
        if (nameless) return err(nameless)
        return commit(replaced(updated), updated)
      }),

    reorder: (ids) =>
      changeList(async () => {
        const unknown = ids.find((id) => !list.has(id))
        if (unknown) return err(apiError('not-found', `No account with id ${unknown}.`))
        if (new Set(ids).size !== ids.length) return err(apiError('invalid-input', 'An account appears twice in the new order.'))
        // Accounts not named keep their relative order after the named ones.
        const named = new Set(ids)
        const next = [...ids.map((id) => list.get(id)!), ...list.all().filter((a) => !named.has(a.id))].map((a, order) => (a.order === order ? a : { ...a, order }))
        return commit(next, next)
      }),

    remove: (id) =>
      changeList(async () => {
        const account = list.get(id)
        if (!account) return gone()
        const failed = await list.save(list.all().filter((a) => a.id !== id))
        if (failed) return err(failed)
        const undoUntil = pending.hold(account, keys.get(id))
        keys.delete(id)
        emit('accounts')
        return ok({ id, undoUntil })
      }),

    undoRemove: (id) =>
      serial(async () => {
        const held = pending.get(id)
        if (!held) return err(apiError('not-found', 'It is too late to undo: the account was deleted.'))
        const failed = await list.save([...list.all(), held.account].sort(byOrder))
        if (failed) return err(failed)
        pending.cancel(id)
        if (held.key) keys.set(id, held.key)
        // Its key was dropped when the app locked: read the secrets again (not queued: this is the queue).
        else void loadSecrets()
        emit('accounts')
        return ok(held.account)
      }),

    reveal: (id) =>
      serial(async () => {
        if (!list.has(id)) return gone()
        const blocked = keychain.refusal()
        if (blocked) return err(blocked)
        let secret: string | null
        try {
          secret = await deps.secrets.get(id)
        } catch (e) {
          return err(await guard.errorFor(e, 'The secret could not be read.'))
        }
        if (secret === null) {
          guard.recheck()
          return err(apiError('keychain-locked', `The ${keychain.get().keychainName} did not return this secret. Is it locked?`))
        }
        const key = normaliseKey(secret, { stored: true })
        if (!key.ok) return err(apiError('internal', 'The secret stored in the keychain for this account is not valid base32.'))
        deps.log.info(`secret revealed for account ${id}`)
        return ok(key.value)
      }),

    advanceCounter: (id) =>
      serial(async () => {
        const current = list.get(id)
        if (!current) return gone()
        if (current.type !== 'hotp') return err(apiError('invalid-input', 'Only counter-based (HOTP) accounts have a next code to ask for.'))
        // No key, no code: advancing now would move the counter without the user ever seeing the code.
        if (!keys.has(id)) return err(keychain.refusal() ?? apiError('keychain-locked', `The secret of this account is not loaded from the ${keychain.get().keychainName}.`))
        const updated = { ...current, counter: current.counter + 1, updatedAt: deps.now() }
        return commit(replaced(updated), updated)
      }),

    onChange: changes.onChange,
    dispose: () => serial(() => pending.flush()),
  }
}
