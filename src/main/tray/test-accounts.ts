import type { AccountKind, AccountSummary } from '../../shared/contract'

/** A valid AccountSummary for tests: only what the tray and checklist look at varies. */
export function testAccount(
  n: number,
  over: Partial<Pick<AccountSummary, 'id' | 'issuer' | 'label' | 'group' | 'kind' | 'order'>> = {},
): AccountSummary {
  const kind: AccountKind = over.kind ?? 'seller-central'
  return {
    id: over.id ?? `account-${String(n).padStart(4, '0')}`,
    issuer: over.issuer ?? 'Amazon',
    label: over.label ?? `seller${n}@example.com`,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    group: over.group ?? '',
    kind,
    order: over.order ?? n,
    createdAt: 1_767_225_600_000,
    updatedAt: 1_767_225_600_000,
  }
}
