import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../shared/contract'
import { err, ok } from '../../shared/result'
import { apiError, MIN_EXPORT_PASSWORD_LENGTH } from '../../shared/contract'
import { createDispatch, type Handlers } from './dispatch'
import { createMemoryLogger } from './log'
import { stubHandlers } from '../../../test/helpers/stub-handlers'
import { mapInSlices, SLICE_ITEMS } from './slices'

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return stubHandlers({
    'app.info': () => ok({ name: 'SellerGuard', version: '1.0.0', platform: 'linux', runtime: 'web', screenCapture: false }),
    'settings.get': () => ok(defaultSettings),
    'settings.update': (patch) => ok({ ...defaultSettings, ...patch }),
    'accounts.list': () => ok([]),
    'accounts.get': ({ id }) => err(apiError('not-found', `no ${id}`)),
    ...overrides,
  })
}

describe('dispatch: the one validation path of every transport', () => {
  it('answers a valid request', async () => {
    const dispatch = createDispatch(handlers(), createMemoryLogger())
    expect(await dispatch('app.info', undefined)).toMatchObject({ ok: true, value: { name: 'SellerGuard' } })
  })

  it.each([['nope'], ['app.info.x'], ['__proto__'], ['constructor'], [42], [null], ['toString']])(
    'refuses an unknown method %j without running anything',
    async (method) => {
      const dispatch = createDispatch(handlers(), createMemoryLogger())
      expect(await dispatch(method, undefined)).toMatchObject({ ok: false, error: { kind: 'unknown-method' } })
    },
  )

  it.each([
    ['accounts.get', { id: 42 }],
    ['accounts.get', { id: 'ok-looking-id', extra: true }],
    ['accounts.get', undefined],
    ['settings.update', { theme: 'purple' }],
    ['settings.update', { ntpServers: [] }],
    ['settings.update', { clipboardClearSeconds: -1 }],
    ['settings.update', { unknownSetting: 1 }],
    ['app.info', { unexpected: 'input' }],
  ])('refuses %s with schema-violating input %j before the handler runs', async (method, input) => {
    let ran = false
    const spy = () => {
      ran = true
      return ok(defaultSettings)
    }
    const dispatch = createDispatch(handlers({ 'settings.update': spy, 'app.info': () => ((ran = true), ok({ name: 'x', version: '1', platform: 'linux', runtime: 'web', screenCapture: false })) }), createMemoryLogger())
    const reply = await dispatch(method, input)
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    expect(ran).toBe(false)
  })

  it('checks the reply to codes.frames ahead of long work already waiting: the codes the user watches come first', async () => {
    const frames = Array.from({ length: SLICE_ITEMS * 8 }, (_, i) => ({ accountId: `acc_${String(i).padStart(8, '0')}`, code: '123456', nextCode: null, periodStart: 0, period: 30 }))
    const dispatch = createDispatch(handlers({ 'codes.frames': () => ok({ frames, correctionMs: 0, seq: 1 }) }), createMemoryLogger())
    const order: string[] = []
    // Five long jobs (a checklist, the tray, other replies' checks) already wait for their slices.
    const long = Array.from({ length: 5 }, () => mapInSlices(Array.from({ length: SLICE_ITEMS * 2 }, (_, i) => i), (i) => i % SLICE_ITEMS === 0 && order.push('long')))
    const reply = dispatch('codes.frames', undefined).then((r) => (order.push('frames'), r))
    await Promise.all([...long, reply])
    expect(await reply).toMatchObject({ ok: true, value: { frames: { length: frames.length } } })
    expect(order.indexOf('frames')).toBe(0)
  })

  it('turns a stray throw into `internal` and logs the stack, without sending it', async () => {
    const log = createMemoryLogger()
    const dispatch = createDispatch(handlers({ 'accounts.list': () => { throw new Error('boom at secret place') } }), log)
    const reply = await dispatch('accounts.list', undefined)
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(JSON.stringify(reply)).not.toContain('boom')
    expect(log.lines.join('\n')).toContain('boom at secret place')
  })

  it('checks outputs too: a field the contract does not declare never leaves main', async () => {
    const leaky = { name: 'SellerGuard', version: '1', platform: 'linux', runtime: 'web', screenCapture: false, secret: 'JBSWY3DPEHPK3PXP' } as never
    const dispatch = createDispatch(handlers({ 'app.info': () => ok(leaky) }), createMemoryLogger())
    const reply = await dispatch('app.info', undefined)
    expect(reply.ok).toBe(true)
    expect(JSON.stringify(reply)).not.toContain('JBSWY3DPEHPK3PXP')
  })

  it('an output that breaks the contract is an internal error, not a malformed reply', async () => {
    const dispatch = createDispatch(handlers({ 'accounts.list': () => ok([{ id: 1 }] as never) }), createMemoryLogger())
    expect(await dispatch('accounts.list', undefined)).toMatchObject({ ok: false, error: { kind: 'internal' } })
  })

  it.each([
    ['transfer.exportBackup', { password: '1234567' }],
    ['transfer.exportAegis', { password: 'short' }],
  ])('main applies the export password rule: %s refuses %j', async (method, input) => {
    let ran = false
    const run = () => ((ran = true), ok({ fileName: 'x', mimeType: 'x', content: 'x' }))
    const dispatch = createDispatch(handlers({ 'transfer.exportBackup': run, 'transfer.exportAegis': run }), createMemoryLogger())
    const reply = await dispatch(method, input)
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-request', message: expect.stringContaining(`at least ${MIN_EXPORT_PASSWORD_LENGTH} characters`) } })
    expect(ran).toBe(false)
    expect(await dispatch(method, { password: 'x'.repeat(MIN_EXPORT_PASSWORD_LENGTH) })).toMatchObject({ ok: true })
  })
})
