/**
 * The one contract between main and renderer. Everything else — the IPC
 * handlers, the preload bridge, web mode's WebSocket, the renderer's types —
 * is derived from these two maps; no method or event name is typed twice.
 */
import type { z } from 'zod'
import type { Result } from '../result'
import type { ApiError } from './errors'
import { accountsEvents, accountsMethods } from './accounts'
import { appEvents, appMethods } from './app'
import { backupEvents, backupMethods } from './backup'
import { checklistEvents, checklistMethods } from './checklist'
import { clipboardMethods } from './clipboard'
import { clockEvents, clockMethods } from './clock'
import { lockEvents, lockMethods } from './lock'
import { codesEvents, codesMethods } from './codes'
import { settingsEvents, settingsMethods } from './settings'
import { storageEvents, storageMethods } from './storage'
import { transferEvents, transferMethods } from './transfer'
import { trayMethods } from './tray'
import { vaultEvents, vaultMethods } from './vault'
import type { EVENT_NAMES, METHOD_NAMES } from './build-api'

export * from './errors'
export * from './api-error'
export * from './limits'
export * from './choices'
export * from './host-text'
export * from './passwords'
export * from './files'
export * from './app'
export * from './settings'
export * from './accounts'
export * from './codes'
export * from './clock'
export * from './vault'
export * from './clipboard'
export * from './checklist'
export * from './transfer'
export * from './backup'
export * from './tray'
export * from './storage'
export * from './lock'
export { buildApi, EVENT_NAMES, METHOD_NAMES } from './build-api'

/** Invoke methods by area: `sellerguard.<area>.<verb>(input)`. */
export const methods = {
  app: appMethods,
  settings: settingsMethods,
  vault: vaultMethods,
  accounts: accountsMethods,
  codes: codesMethods,
  clipboard: clipboardMethods,
  clock: clockMethods,
  checklist: checklistMethods,
  transfer: transferMethods,
  backup: backupMethods,
  tray: trayMethods,
  storage: storageMethods,
  lock: lockMethods,
} as const

/**
 * Events main pushes to the renderer: `sellerguard.on('<area>.<name>', cb)`.
 * The tray menu is not one: the tray lives in main and follows its service,
 * and no window shows it (`tray.menu` answers a window that asks).
 */
export const events = {
  app: appEvents,
  settings: settingsEvents,
  vault: vaultEvents,
  accounts: accountsEvents,
  codes: codesEvents,
  clock: clockEvents,
  checklist: checklistEvents,
  transfer: transferEvents,
  backup: backupEvents,
  storage: storageEvents,
  lock: lockEvents,
} as const

type Methods = typeof methods
type Events = typeof events
type Area = keyof Methods

/** `'area.verb'` for every method in the contract. */
export type MethodName = { [A in Area]: `${A}.${keyof Methods[A] & string}` }[Area]
export type EventName = { [A in keyof Events]: `${A}.${keyof Events[A] & string}` }[keyof Events]

type SpecOf<M extends MethodName> = M extends `${infer A extends Area}.${infer V}`
  ? V extends keyof Methods[A]
    ? Methods[A][V]
    : never
  : never
type EventSchemaOf<E extends EventName> = E extends `${infer A extends keyof Events}.${infer N}`
  ? N extends keyof Events[A]
    ? Events[A][N]
    : never
  : never

export type Input<M extends MethodName> = SpecOf<M> extends { input: infer I extends z.ZodType } ? z.input<I> : never
export type Output<M extends MethodName> = SpecOf<M> extends { output: infer O extends z.ZodType } ? z.output<O> : never
export type EventPayload<E extends EventName> = z.output<EventSchemaOf<E>>

export type Reply<M extends MethodName> = Result<Output<M>, ApiError>

/** A method as the renderer calls it: methods without input take no argument. */
type Call<M extends MethodName> = [Input<M>] extends [void | undefined] ? () => Promise<Reply<M>> : (input: Input<M>) => Promise<Reply<M>>

export type Unsubscribe = () => void

/** The shape of `window.sellerguard`: the same over Electron IPC and web mode. */
export type SellerGuardApi = {
  [A in Area]: { [V in keyof Methods[A] & string]: Call<`${A}.${V}` & MethodName> }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe
}

const split = (name: string): [string, string] => {
  const dot = name.indexOf('.')
  return [name.slice(0, dot), name.slice(dot + 1)]
}

export const methodNames: readonly MethodName[] = Object.entries(methods).flatMap(([area, verbs]) =>
  Object.keys(verbs).map((verb) => `${area}.${verb}` as MethodName),
)
export const eventNames: readonly EventName[] = Object.entries(events).flatMap(([area, names]) =>
  Object.keys(names).map((name) => `${area}.${name}` as EventName),
)

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (methodNames as readonly string[]).includes(name)
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name)
}

export function methodSpec(name: MethodName): { input: z.ZodType; output: z.ZodType } {
  const [area, verb] = split(name)
  return (methods as unknown as Record<string, Record<string, { input: z.ZodType; output: z.ZodType }>>)[area]![verb]!
}
export function eventSchema(name: EventName): z.ZodType {
  const [area, event] = split(name)
  return (events as unknown as Record<string, Record<string, z.ZodType>>)[area]![event]!
}

/** The IPC channel of a method or event (Electron mode). */
export const invokeChannel = (name: MethodName): string => `api:${name}`
export const eventChannel = (name: EventName): string => `event:${name}`

// The zod-free name lists must be exactly the maps' names (build-api.ts builds `window.sellerguard` from them).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Holds<T extends true> = T
export type NameListsMatch = [Holds<Same<(typeof METHOD_NAMES)[number], MethodName>>, Holds<Same<(typeof EVENT_NAMES)[number], EventName>>]

/** What a main-side handler receives: the input after schema parsing. */
export type ParsedInput<M extends MethodName> = SpecOf<M> extends { input: infer I extends z.ZodType } ? z.output<I> : never
