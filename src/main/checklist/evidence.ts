import type { ChecklistItem, ChecklistItemView, ClockStatus, ItemStatus } from '../../shared/contract'
import { clockCondition } from '../../shared/clock-condition'
import { oneLine } from '../../shared/one-line'
import { BACKUP_MAX_AGE_DAYS } from './items-common'

/**
 * The items SellerGuard checks itself. Each claims only what its fact
 * shows, and says what was checked: holding a key is not the same as the
 * site accepting its codes; a measurement from last week is not a clock in
 * sync today; a backup made before an account was added does not hold it.
 */

const DAY_MS = 86_400_000

/** A measurement older than this (a day of failed checks; the clock is checked hourly) no longer shows the clock is right. */
export const CLOCK_MAX_AGE_MS = DAY_MS

/**
 * Which accounts the encrypted backups hold: per account id, the newest
 * backup that holds it, and (where SellerGuard can tell) whether it holds
 * the account as it is now (`current: false`: its key or settings changed since).
 */
export type BackupCoverage = Readonly<{ accounts: Readonly<Record<string, Readonly<{ at: number; current?: boolean }>>> }>

/** The newest backup per account from several sources (the checklist's own record of exports, and automatic backups). */
export function mergeCoverage(...sources: readonly (BackupCoverage | null)[]): BackupCoverage | null {
  const known = sources.filter((c): c is BackupCoverage => c !== null)
  if (known.length === 0) return null
  const accounts: Record<string, { at: number; current?: boolean }> = {}
  for (const source of known) {
    for (const [id, held] of Object.entries(source.accounts)) {
      const seen = accounts[id]
      if (!seen || held.at > seen.at || (held.at === seen.at && held.current !== undefined)) accounts[id] = held
    }
  }
  // A backup whose contents SellerGuard cannot tell, and nothing else known: it still cannot tell.
  if (known.length < sources.length && Object.keys(accounts).length === 0) return null
  return { accounts }
}

/** The same way out the Codes screen offers for a key that is missing. */
export const MISSING_KEY_FINDING =
  'SellerGuard has no key for this account in your keychain, so it cannot show its codes. Restore it from a backup, or add it again from the site’s two-step verification settings.'

function checked(item: ChecklistItem, status: ItemStatus, finding: string, more: Partial<ChecklistItemView> = {}): ChecklistItemView {
  return { ...item, status, checkedBy: 'sellerguard', finding, ...more }
}

type KeyedAccount = Readonly<{ id: string; verifiedAt?: number | null }>

/** "Two-step verification uses an authenticator app": a key held here, and the user's word that the site accepted a code from it. */
export function authenticatorStatus(item: ChecklistItem, account: KeyedAccount, idsWithKey: ReadonlySet<string> | null, now: number): ChecklistItemView {
  if (idsWithKey === null) return checked(item, 'todo', 'Can’t check while the keychain is locked or loading.')
  if (!idsWithKey.has(account.id)) return checked(item, 'failing', MISSING_KEY_FINDING)
  const verifiedAt = account.verifiedAt ?? null
  if (verifiedAt === null) {
    return checked(
      item,
      'todo',
      'SellerGuard holds a key for this account, but nobody has confirmed that the site accepts its codes. After you sign in with a code from SellerGuard, answer “Did the site accept the code?” on the Codes screen.',
    )
  }
  const reviewAt = verifiedAt + (item.reviewEveryDays ?? 180) * DAY_MS
  const what = 'Checked: SellerGuard holds this account’s key, and you confirmed that the site accepted a code from it. SellerGuard cannot see the site’s own settings.'
  return now >= reviewAt
    ? checked(item, 'due', `${what} That was a while ago: sign in once more and confirm again.`, { doneAt: verifiedAt, dueSince: reviewAt })
    : checked(item, 'verified', what, { doneAt: verifiedAt, reviewAt })
}

/** "This computer's clock is right", in the clock's own words (`clockCondition`, the same as the tray and the banner). */
export function clockStatus(item: ChecklistItem, status: ClockStatus | null, now: number): ChecklistItemView {
  const condition = clockCondition(status, now)
  const m = status?.measurement ?? null
  const measured = m === null ? {} : { doneAt: m.at }
  switch (condition.tone) {
    case 'ok': {
      const staleAt = m === null ? now : m.at + CLOCK_MAX_AGE_MS
      if (now >= staleAt) {
        return checked(item, 'due', `${condition.headline} But that was measured too long ago to count today; SellerGuard checks again as soon as a time server answers.`, {
          ...measured,
          dueSince: staleAt,
        })
      }
      return checked(item, 'verified', condition.headline, { ...measured, reviewAt: staleAt })
    }
    case 'warn':
    case 'critical':
      return checked(item, 'failing', [condition.headline, condition.codes].filter(Boolean).join(' '), measured)
    case 'unknown':
      return checked(item, 'todo', [condition.headline, condition.caveat].filter(Boolean).join(' '), measured)
  }
}

type NamedAccount = Readonly<{ id: string; issuer: string; label: string; updatedAt?: number }>

const nameOf = (a: NamedAccount) => oneLine(a.issuer) || oneLine(a.label) || 'Unnamed account'

function list(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `“${n}”`)
  const rest = names.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}

/** A fact SellerGuard checks itself (the app lock, screen privacy: lock/lock-evidence.ts gives them), met or not, with why. */
export type SelfCheck = Readonly<{ met: boolean; finding: string }>

/** An item whose evidence is one such fact; null: not known now. */
export function selfCheckStatus(item: ChecklistItem, fact: SelfCheck | null): ChecklistItemView {
  if (fact === null) return checked(item, 'todo', 'SellerGuard cannot check this right now.')
  return checked(item, fact.met ? 'verified' : 'failing', fact.finding)
}

/** "A backup from the last 90 days holds every account": per account, never one date for all. */
export function backupStatus(item: ChecklistItem, accounts: readonly NamedAccount[], coverage: BackupCoverage | null, now: number): ChecklistItemView {
  if (coverage === null) return checked(item, 'todo', 'SellerGuard cannot tell which accounts your backups hold. Make a new encrypted backup (Settings → Backup).')
  const days = item.reviewEveryDays ?? BACKUP_MAX_AGE_DAYS
  const held = accounts.flatMap((a) => (Object.hasOwn(coverage.accounts, a.id) ? [[a, coverage.accounts[a.id]!.at] as const] : []))
  const missing = accounts.filter((a) => !Object.hasOwn(coverage.accounts, a.id))
  if (held.length === 0) return checked(item, 'failing', 'No encrypted backup holds any of your accounts yet. Make one in Settings → Backup.')
  if (missing.length > 0) {
    const count = missing.length === 1 ? '1 account is' : `${missing.length} accounts are`
    return checked(item, 'failing', `${count} in no backup yet: ${list(missing.map(nameOf))}. Make a new encrypted backup (Settings → Backup).`)
  }
  // A backup from before a change (a key or counter replaced, a rename) would bring back the account as it was.
  const changed = accounts.filter((a) => coverage.accounts[a.id]!.current === false)
  if (changed.length > 0) {
    const count = changed.length === 1 ? '1 account has' : `${changed.length} accounts have`
    const changedAt = Math.min(...changed.map((a) => a.updatedAt ?? now))
    return checked(item, 'due', `${count} changed since the newest backup holding ${changed.length === 1 ? 'it' : 'them'}: ${list(changed.map(nameOf))}. A restore would bring back the older version. Make a new encrypted backup (Settings → Backup), or let automatic backups catch up.`, {
      doneAt: Math.min(...held.map(([, at]) => at)),
      dueSince: Math.min(changedAt, now),
    })
  }
  const oldest = Math.min(...held.map(([, at]) => at))
  const dueAt = oldest + days * DAY_MS
  if (now >= dueAt) {
    const stale = held.filter(([, at]) => at + days * DAY_MS <= now).map(([a]) => nameOf(a))
    return checked(item, 'due', `The newest backup holding ${list(stale)} is more than ${days} days old. Make a new encrypted backup (Settings → Backup).`, {
      doneAt: oldest,
      dueSince: dueAt,
    })
  }
  return checked(item, 'verified', `Checked: every account is in an encrypted backup from the last ${days} days.`, { doneAt: oldest, reviewAt: dueAt })
}
