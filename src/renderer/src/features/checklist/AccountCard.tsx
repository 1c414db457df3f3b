import { KIND_LABELS, REGION_LABELS, REGION_ORDER, type ChecklistItemChange, type ChecklistView, type SellerRegion } from '../../contract'
import { ProgressRing } from '../../ui/ProgressRing'
import { ItemList } from './ItemList'
import { accountName } from './account-name'

type AccountView = ChecklistView['accounts'][number]
type Change = Omit<ChecklistItemChange, 'accountId' | 'itemId'>

const date = (ms: number) => new Date(ms).toLocaleDateString()

/**
 * One account's checklist, collapsible (closed, only its summary is drawn:
 * 300 closed accounts cost 300 rows). Its name is a heading, isolated so a
 * right-to-left override cannot reorder the row.
 */
export function AccountCard({
  account,
  open,
  hideDone,
  now,
  onToggle,
  onChange,
  onRegion,
}: Readonly<{
  account: AccountView
  open: boolean
  hideDone: boolean
  now: number
  onToggle: (open: boolean) => void
  onChange: (itemId: string, change: Change) => Promise<unknown>
  onRegion: (region: SellerRegion | null) => void
}>) {
  const name = accountName(account)
  const detail = [KIND_LABELS[account.kind], account.issuer && account.label ? account.label : ''].filter(Boolean).join(' · ')
  const suggested = account.region === null ? account.suggestedRegion : null
  return (
    <details id={`checklist-account-${account.accountId}`} className="account-card" open={open} data-testid="checklist-account" onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <ProgressRing done={account.progress.done} total={account.progress.total} label={name} size={40} />
        <div className="account-card__name">
          <h2>
            <bdi>{name}</bdi>
          </h2>
          <span className="muted">
            <bdi>{detail}</bdi>
          </span>
        </div>
        <span className="account-card__count">
          {account.progress.done}/{account.progress.total}
        </span>
      </summary>
      {open && (
        <>
          {account.kind === 'seller-central' && (
            <div className="region">
              <label>
                Seller Central region:{' '}
                <select className="input input--inline" value={account.region ?? ''} onChange={(e) => onRegion(e.target.value ? (e.target.value as SellerRegion) : null)}>
                  <option value="">Not set</option>
                  {REGION_ORDER.map((r) => (
                    <option key={r} value={r}>
                      {REGION_LABELS[r]}
                    </option>
                  ))}
                </select>
              </label>
              {suggested && (
                <span className="region__suggestion">
                  {' '}
                  The name suggests {REGION_LABELS[suggested]}.{' '}
                  <button type="button" className="button button--small" onClick={() => onRegion(suggested)}>
                    Use {REGION_LABELS[suggested]}
                  </button>
                </span>
              )}
            </div>
          )}
          {account.regionNote && <p className="muted">{account.regionNote}</p>}
          {account.keptFromKinds.map((kept) => (
            <div key={kept.kind} className="kept-ticks">
              <p className="muted">
                Kept from the {KIND_LABELS[kept.kind]} checklist (not counted; they come back if the account is {KIND_LABELS[kept.kind]} again):
              </p>
              <ul>
                {kept.items.map((i) => (
                  <li key={i.id}>
                    {i.title}: done {date(i.doneAt)}
                    {i.by ? ` by ${i.by}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <ItemList items={account.items} ownerName={name} hideDone={hideDone} now={now} onChange={onChange} />
        </>
      )}
    </details>
  )
}
