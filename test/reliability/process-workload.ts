/**
 * The workload of process-crash.test.ts: what a user does (adds, renames,
 * imports, backups, settings, checklist ticks, delete and undo), each step
 * as a contract call and what it changes in a model of what SellerGuard
 * must hold once the call is confirmed.
 */
import { randomBytes } from 'node:crypto'
import { TOTP } from 'otpauth'
import type { AccountSummary, ImportOutcome, ImportPreview, PackedChecklistView } from '../../src/shared/contract'
import type { WebClient } from '../helpers/web-client'
import { base32 } from './support'

export type ModelAccount = Readonly<{ id: string; issuer: string; label: string }>
export type Model = Readonly<{
  /** By id; an account added by the call in flight has the id `pending-<label>` until its reply. */
  accounts: ReadonlyMap<string, ModelAccount>
  closeToTray: boolean
  /** Checklist notes by account id (the note of the one item the workload ticks). */
  notes: ReadonlyMap<string, string>
  /** Deleted during this run of web mode: undo can bring them back; after a kill their secrets are orphans. */
  deleted: ReadonlyMap<string, ModelAccount>
}>

export const emptyModel = (): Model => ({ accounts: new Map(), closeToTray: false, notes: new Map(), deleted: new Map() })

/** One step: the call, and the model once it is confirmed (`value`: its reply, absent while in flight). */
export type Step = Readonly<{ kind: string; send: (client: WebClient) => Promise<unknown>; after: (model: Model, value?: unknown) => Model }>

export const BACKUP_PASSWORD = 'crash suite backup password'
/** Every secret the workload made, by account label (labels are unique and never change) or by id (recovered orphans). */
export const secrets = new Map<string, string>()
export const secretOf = (a: ModelAccount) => secrets.get(a.label) ?? secrets.get(a.id)

const newSecret = () => base32(new Uint8Array(randomBytes(20)))
const withAccounts = (model: Model, change: (accounts: Map<string, ModelAccount>) => void): Model => {
  const accounts = new Map(model.accounts)
  change(accounts)
  return { ...model, accounts }
}
const added = (model: Model, wanted: readonly ModelAccount[], value: unknown) =>
  withAccounts(model, (accounts) => {
    const ids = value as readonly string[] | undefined
    wanted.forEach((a, i) => accounts.set(ids?.[i] ?? `pending-${a.label}`, { ...a, id: ids?.[i] ?? `pending-${a.label}` }))
  })

async function confirmed<T>(client: WebClient, method: string, input?: unknown): Promise<T> {
  const reply = await client.call<T>(method, input)
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
  return reply.value
}

/** A step chosen at random among those the model allows. `n`: a number unique to this step. */
export function pickStep(model: Model, random: () => number, n: number, checklistItem: string): Step {
  const ids = [...model.accounts.keys()].filter((id) => !id.startsWith('pending-'))
  const anyId = () => ids[Math.floor(random() * ids.length)]!
  const undoable = [...model.deleted.keys()]
  const kinds = ['add', 'import', 'backup', 'settings', ...(ids.length ? ['rename', 'rename', 'checklist', 'delete'] : []), ...(undoable.length ? ['undo', 'undo'] : [])]
  const kind = kinds[Math.floor(random() * kinds.length)]!
  switch (kind) {
    case 'add': {
      const account = { id: '', issuer: 'Shop', label: `add${n}@example.com` }
      secrets.set(account.label, newSecret())
      return {
        kind,
        send: (c) => confirmed(c, 'accounts.add', { text: secrets.get(account.label), issuer: account.issuer, label: account.label }),
        after: (m, value) => added(m, [account], value === undefined ? undefined : [(value as AccountSummary).id]),
      }
    }
    case 'import': {
      const wanted = Array.from({ length: 3 + Math.floor(random() * 18) }, (_, i) => ({ id: '', issuer: 'Imported', label: `imp${n}-${i}@example.com` }))
      wanted.forEach((a) => secrets.set(a.label, newSecret()))
      const data = wanted.map((a) => `otpauth://totp/${a.issuer}:${encodeURIComponent(a.label)}?secret=${secrets.get(a.label)}&issuer=${a.issuer}`).join('\n')
      return {
        kind,
        send: async (c) => {
          const preview = await confirmed<ImportPreview>(c, 'transfer.preview', { file: { name: `list-${n}.txt`, encoding: 'text', data } })
          const outcome = await confirmed<ImportOutcome>(c, 'transfer.confirm', { previewId: preview.previewId, indexes: preview.entries.map((e) => e.index) })
          return outcome.addedIds
        },
        after: (m, value) => added(m, wanted, value),
      }
    }
    case 'rename': {
      const id = anyId()
      const issuer = `Renamed ${n}`
      return { kind, send: (c) => confirmed(c, 'accounts.update', { id, issuer }), after: (m) => withAccounts(m, (a) => a.set(id, { ...a.get(id)!, issuer })) }
    }
    case 'checklist': {
      const id = anyId()
      const note = `step ${n}`
      return {
        kind,
        send: (c) => confirmed<PackedChecklistView>(c, 'checklist.setItem', { accountId: id, itemId: checklistItem, done: true, note }),
        after: (m) => ({ ...m, notes: new Map(m.notes).set(id, note) }),
      }
    }
    case 'delete': {
      const id = anyId()
      return {
        kind,
        send: (c) => confirmed(c, 'accounts.remove', { id }),
        after: (m) => ({ ...withAccounts(m, (a) => a.delete(id)), deleted: new Map(m.deleted).set(id, m.accounts.get(id)!) }),
      }
    }
    case 'undo': {
      const id = undoable[Math.floor(random() * undoable.length)]!
      const back = model.deleted.get(id)!
      return {
        kind,
        send: (c) => confirmed(c, 'accounts.undoRemove', { id }),
        after: (m) => ({ ...withAccounts(m, (a) => a.set(id, back)), deleted: new Map([...m.deleted].filter(([k]) => k !== id)) }),
      }
    }
    case 'settings': {
      const closeToTray = !model.closeToTray
      return { kind, send: (c) => confirmed(c, 'settings.update', { closeToTray }), after: (m) => ({ ...m, closeToTray }) }
    }
    default:
      return { kind, send: (c) => confirmed(c, 'backup.backUpNow'), after: (m) => m }
  }
}

/** The code an account shows for the period starting at `periodStart`, from the secret the workload gave it. */
export const expectedCode = (secret: string, periodStart: number) => new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: periodStart })
