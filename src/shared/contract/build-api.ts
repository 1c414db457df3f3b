import type { EventName, MethodName, SellerGuardApi, Unsubscribe } from './index'

/*
 * Every method and event name of the contract, as plain lists without zod,
 * so `window.sellerguard` is built (web mode's bridge, the preload) without
 * building the schemas. index.ts checks at compile time that these are
 * exactly the names of its maps: a method added there and not here fails
 * the typecheck.
 */
export const METHOD_NAMES = [
  'app.info', 'settings.get', 'settings.update', 'vault.status', 'vault.retry', 'vault.useBackup', 'vault.adoptOrphans', 'vault.deleteOrphans',
  'accounts.list', 'accounts.get', 'accounts.check', 'accounts.add', 'accounts.update', 'accounts.reorder', 'accounts.remove', 'accounts.undoRemove',
  'accounts.reveal', 'accounts.markUsed', 'accounts.confirmWorking', 'accounts.setIconImage', 'accounts.iconImage', 'codes.frames', 'codes.nextHotp',
  'clipboard.copyCode', 'clock.status', 'clock.check', 'clock.history', 'clock.around', 'clock.openSettings', 'checklist.get', 'checklist.setItem',
  'checklist.setRegion', 'checklist.exportReport', 'checklist.recover', 'transfer.preview', 'transfer.prepare', 'transfer.previewImage',
  'transfer.previewScreen', 'transfer.confirm', 'transfer.cancel', 'transfer.exportBackup', 'transfer.exportAegis', 'transfer.exportTwofas',
  'transfer.exportOtpauthList', 'backup.status', 'backup.configure', 'backup.backUpNow', 'backup.verify', 'backup.chooseFolder', 'backup.list',
  'backup.preview', 'tray.menu', 'tray.activate', 'storage.status', 'storage.recover', 'storage.dismiss', 'lock.status', 'lock.enable',
  'lock.disable', 'lock.changePassword', 'lock.unlock', 'lock.quickUnlock', 'lock.setQuickUnlock', 'lock.lockNow', 'lock.startOver',
] as const satisfies readonly MethodName[]

export const EVENT_NAMES = [
  'app.quickPick', 'settings.changed', 'vault.status', 'accounts.changed', 'codes.frames', 'clock.status', 'checklist.changed', 'transfer.progress',
  'transfer.adding', 'backup.status', 'storage.status', 'lock.status',
] as const satisfies readonly EventName[]

const split = (name: string): [string, string] => {
  const dot = name.indexOf('.')
  return [name.slice(0, dot), name.slice(dot + 1)]
}

/**
 * Builds the nested `window.sellerguard` object from the method list, over
 * any transport. Used by the preload (IPC) and by web mode's shim.
 */
export function buildApi(
  invoke: (name: MethodName, input: unknown) => Promise<unknown>,
  subscribe: (name: EventName, listener: (payload: unknown) => void) => Unsubscribe,
): SellerGuardApi {
  const api: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) {
    const [area, verb] = split(name)
    const group = (api[area] ??= {}) as Record<string, unknown>
    group[verb] = (input?: unknown) => invoke(name, input)
  }
  api.on = (event: unknown, listener: unknown) => {
    if (typeof event !== 'string' || !(EVENT_NAMES as readonly string[]).includes(event)) throw new TypeError(`unknown event: ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    return subscribe(event as EventName, listener as (payload: unknown) => void)
  }
  return api as unknown as SellerGuardApi
}
