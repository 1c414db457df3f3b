import type { AccountKind, AccountSummary } from '../../src/shared/contract'

/** A valid AccountSummary for tests (a 30 s SHA-1 TOTP account unless `over` says otherwise). */
export function testAccount(n: number, over: Partial<AccountSummary> = {}): AccountSummary {
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
    region: null,
    pinned: false,
    verifiedAt: null,
    lastUsedAt: null,
    icon: { kind: 'auto' },
    createdAt: 1_767_225_600_000,
    updatedAt: 1_767_225_600_000,
    ...over,
  }
}
