import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChecklistView } from '../../shared/contract'
import { ok } from '../../shared/result'
import { clockAt } from '../../../test/helpers/clock-status'
import { createMemoryLogger } from '../core/log'
import { SLICE_ITEMS } from '../core/slices'
import type { ChecklistServiceDeps } from './checklist-api'
import { createChecklistService } from './checklist-service'
import type { ChecklistAccount } from './evaluate'

const T0 = Date.UTC(2026, 0, 1)
const DAY = 86_400_000
const SC: ChecklistAccount = { id: 'account-0001', kind: 'seller-central', issuer: 'Amazon', label: 'seller@example.com', verifiedAt: T0 }
const LATE: ChecklistAccount = { id: 'account-0002', kind: 'kdp', issuer: 'KDP', label: 'late@example.com', verifiedAt: T0 }

describe('checklist service', () => {
  let dir: string
  let now: number
  let accounts: ChecklistAccount[]
  let timers: { fn: () => void; at: number }[]
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-checklist-service-'))
    now = T0
    accounts = [SC]
    timers = []
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  const start = (over: Partial<ChecklistServiceDeps> = {}) =>
    createChecklistService({
      file: path.join(dir, 'checklist.json'),
      backupFile: path.join(dir, 'backup-state.json'),
      now: () => now,
      log: createMemoryLogger(),
      accounts: () => accounts,
      accountsWithKey: () => new Set(accounts.map((a) => a.id)),
      clockStatus: () => clockAt(now - 1000, 30),
      // The vault keeps the region on the account.
      setAccountRegion: async (id, region) => {
        accounts = accounts.map((a) => (a.id === id ? { ...a, region } : a))
        return ok(undefined)
      },
      setTimer: (fn, ms) => {
        const timer = { fn, at: now + ms }
        timers.push(timer)
        return () => void timers.splice(timers.indexOf(timer), 1)
      },
      ...over,
    })
  const item = (view: ChecklistView, id: string, accountId: string | null = SC.id) =>
    (accountId === null ? view.computer.items : view.accounts.find((a) => a.accountId === accountId)!.items).find((i) => i.id === id)!

  it('a backup holds the accounts it held: one added later is in no backup (the defect: it showed as backed up)', async () => {
    const checklist = await start()
    await checklist.recordBackup(now, [SC.id])
    expect(item(checklist.view(), 'recent-backup', null).status).toBe('verified')
    accounts = [SC, LATE]
    const later = item(checklist.view(), 'recent-backup', null)
    expect(later.status).toBe('failing')
    expect(later.finding).toContain('“KDP”')
    // …and it is remembered across a restart.
    expect(item((await start()).view(), 'recent-backup', null).status).toBe('failing')
  })

  it('a backup record from before account ids cannot claim any account', async () => {
    await fs.writeFile(path.join(dir, 'backup-state.json'), JSON.stringify({ schemaVersion: 1, data: { lastBackupAt: T0 } }))
    expect(item((await start()).view(), 'recent-backup', null)).toMatchObject({ status: 'todo', checkedBy: 'sellerguard' })
  })

  it('items fall due while the app runs: the view is pushed again when the next review comes (the defect: nothing re-evaluated)', async () => {
    const checklist = await start({ clockStatus: () => null })
    const pushed: ChecklistView[] = []
    checklist.onChange((v) => pushed.push(v))
    await checklist.setItem({ accountId: SC.id, itemId: 'unknown-devices', done: true })
    // 90 days is longer than one timer can wait: it wakes after ~24.8 days, finds nothing due, and waits again.
    expect(timers.map((t) => t.at)).toEqual([T0 + 2 ** 31 - 1])
    now = T0 + 70 * DAY
    timers[0]!.fn()
    expect(item(pushed.at(-1)!, 'unknown-devices').status).toBe('done')
    expect(timers.map((t) => t.at)).toEqual([T0 + 90 * DAY + 1])
    now = T0 + 90 * DAY + 1
    timers[0]!.fn()
    expect(item(pushed.at(-1)!, 'unknown-devices').status).toBe('due')
    expect(timers).toHaveLength(1)
  })

  it('a stale clock measurement is due by the time it goes stale, with the app open', async () => {
    const checklist = await start({ clockStatus: () => clockAt(T0 - 1000, 30) })
    checklist.view()
    expect(timers.map((t) => t.at)).toEqual([T0 - 1000 + DAY + 1])
  })

  it('a note edit keeps the tick and its date; a date and who did it can be given', async () => {
    const checklist = await start()
    const march = Date.UTC(2025, 2, 10)
    await checklist.setItem({ accountId: SC.id, itemId: 'tax-interview', done: true, doneAt: march, by: 'Our accountant' })
    now = T0 + 400 * DAY
    const noted = await checklist.setItem({ accountId: SC.id, itemId: 'tax-interview', note: 'W-8BEN-E' })
    expect(noted.ok && item(noted.value, 'tax-interview')).toMatchObject({ status: 'done', doneAt: march, by: 'Our accountant', note: 'W-8BEN-E' })
    expect(await checklist.setItem({ accountId: SC.id, itemId: 'tax-interview', doneAt: now + DAY })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })

  it('a note saved as the box is ticked (blur, then click) keeps both', async () => {
    const checklist = await start()
    const [, ticked] = await Promise.all([
      checklist.setItem({ accountId: SC.id, itemId: 'bank-review', note: 'Chase …1234' }),
      checklist.setItem({ accountId: SC.id, itemId: 'bank-review', done: true }),
    ])
    expect(ticked.ok && item(ticked.value, 'bank-review')).toMatchObject({ status: 'done', note: 'Chase …1234' })
  })

  it('"This computer" items are ticked with no account; evidence items cannot be ticked at all', async () => {
    const checklist = await start()
    const ticked = await checklist.setItem({ accountId: null, itemId: 'never-share-codes', done: true })
    expect(ticked.ok && item(ticked.value, 'never-share-codes', null).status).toBe('done')
    expect(await checklist.setItem({ accountId: null, itemId: 'recent-backup', done: true })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await checklist.setItem({ accountId: SC.id, itemId: 'authenticator-app', done: true })).toMatchObject({ ok: false })
  })

  it('a kind change starts fresh, keeps the old ticks, and brings them back on the way back (also for ticks saved before 0.2)', async () => {
    const v1 = { accounts: { [SC.id]: { region: null, items: { 'deposit-method': { done: true, at: T0 } } } } }
    await fs.writeFile(path.join(dir, 'checklist.json'), JSON.stringify({ schemaVersion: 1, data: v1 }))
    const checklist = await start()
    expect(item(checklist.view(), 'deposit-method').status).toBe('done')
    accounts = [{ ...SC, kind: 'kdp' }]
    const asKdp = checklist.view()
    expect(item(asKdp, 'deposit-method')).toMatchObject({ status: 'todo', title: 'A bank account for royalties is added' })
    expect(asKdp.accounts[0]?.keptFromKinds).toEqual([{ kind: 'seller-central', items: [{ id: 'deposit-method', title: 'A deposit method is added and verified', doneAt: T0 }] }])
    await checklist.setItem({ accountId: SC.id, itemId: 'tax-interview', done: true })
    accounts = [SC]
    expect(item(checklist.view(), 'deposit-method').status).toBe('done')
    expect(item(checklist.view(), 'tax-interview').status).toBe('todo')
  })

  describe('a damaged checklist file', () => {
    const file = () => path.join(dir, 'checklist.json')

    it('says so in plain words, offers both ways out, and says what the previous version loses', async () => {
      await fs.writeFile(`${file()}.bak`, JSON.stringify({ schemaVersion: 2, data: { accounts: {} } }))
      await fs.writeFile(file(), '{"schemaVersion":2,"data":{"acc')
      const problem = (await start()).view().problem
      expect(problem).toMatchObject({ backupUsable: true, canStartFresh: true })
      expect(problem?.message).not.toMatch(/JSON|Unexpected|schema/)
      expect(problem?.backupLoses).toMatch(/before the last change/)
      expect(problem?.fresh).toMatch(/keeps the damaged file/)
    })

    it('with the file and its previous version both damaged, still offers "start fresh" (the defect: no button at all)', async () => {
      await fs.writeFile(`${file()}.bak`, 'garbage')
      await fs.writeFile(file(), 'garbage')
      const checklist = await start()
      expect(checklist.view().problem).toMatchObject({ backupUsable: false, canStartFresh: true })
      expect(await checklist.recover('backup')).toMatchObject({ ok: false })
      const fresh = await checklist.recover('fresh')
      expect(fresh).toMatchObject({ ok: true, value: { problem: null } })
      expect((await fs.readdir(dir)).some((n) => n.startsWith('checklist.json.damaged-'))).toBe(true)
      expect((await checklist.setItem({ accountId: SC.id, itemId: 'deposit-method', done: true })).ok).toBe(true)
    })

    it('a report made meanwhile says the ticks are missing (the defect: it looked empty, with no warning)', async () => {
      await fs.writeFile(file(), 'garbage')
      const checklist = await start()
      expect(checklist.exportReport('markdown').content).toMatch(/\*\*Warning:\*\*.*Your ticks are missing from this report/)
      expect(checklist.exportReport('html').content).toContain('<p class="warning" role="alert">Warning:')
    })
  })

  it('many accounts: evaluated in slices, and a view overtaken by a newer one is never pushed after it', async () => {
    accounts = Array.from({ length: SLICE_ITEMS * 4 }, (_, i) => ({ ...SC, id: `account-${String(i).padStart(4, '0')}` }))
    let interrupt = false
    const checklist = await start({
      accounts: () => {
        // Once the next evaluation has begun: the next review comes due between two of its slices.
        if (interrupt) {
          interrupt = false
          setImmediate(() => {
            const review = timers.at(-1)!
            now = review.at
            review.fn()
          })
        }
        return accounts
      },
    })
    await checklist.setItem({ accountId: SC.id, itemId: 'tax-interview', done: true })
    expect(timers.length).toBeGreaterThan(0)
    const pushed: ChecklistView[] = []
    checklist.onChange((view) => pushed.push(view))
    interrupt = true
    const reply = await checklist.recordBackup(now, accounts.map((a) => a.id))
    expect(reply).toBeUndefined()
    // The review's view (evaluated later, at its `now`) is the last one pushed; the one it overtook is dropped.
    expect(pushed.length).toBeGreaterThan(0)
    expect(pushed.at(-1)!.evaluatedAt).toBe(now)
    expect(pushed.at(-1)).toEqual(checklist.view())
    expect(pushed.at(-1)!.accounts).toHaveLength(accounts.length)
    // The UI's request gets the same view, evaluated in slices too.
    expect(await checklist.viewInSlices()).toEqual(checklist.view())
  })
})
