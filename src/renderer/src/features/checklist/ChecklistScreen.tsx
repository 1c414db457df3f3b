import { useEffect, useState } from 'react'
import { ChecklistSection, KIND_LABELS, REGION_LABELS, SECTION_TITLES, SellerRegion, type ChecklistView } from '../../contract'
import { useStore } from '../../store'
import { downloadText } from '../../ui/files'
import { ProgressRing } from '../../ui/ProgressRing'
import { ChecklistItemRow } from './ChecklistItemRow'

type AccountView = ChecklistView['accounts'][number]

export function ChecklistScreen() {
  const view = useStore((s) => s.checklist)
  const load = useStore((s) => s.loadChecklist)
  const tick = useStore((s) => s.tickItem)
  const setRegion = useStore((s) => s.setChecklistRegion)
  const exportChecklistReport = useStore((s) => s.exportChecklistReport)
  const recover = useStore((s) => s.recoverChecklist)
  const [onlyLeft, setOnlyLeft] = useState(false)
  useEffect(() => void load(), [load])

  async function exportReport(format: 'markdown' | 'html') {
    const reply = await exportChecklistReport(format)
    if (reply.ok) downloadText(reply.value.fileName, reply.value.mimeType, reply.value.content)
  }

  if (!view) return null
  return (
    <section className="screen" aria-labelledby="checklist-title">
      <header className="screen__header">
        <h1 id="checklist-title">Security checklist</h1>
        <div className="toolbar">
          <label className="toggle">
            <input type="checkbox" checked={onlyLeft} onChange={(e) => setOnlyLeft(e.target.checked)} />
            What’s left
          </label>
          <button type="button" className="button" onClick={() => void exportReport('markdown')}>
            Export Markdown
          </button>
          <button type="button" className="button" onClick={() => void exportReport('html')}>
            Export HTML
          </button>
        </div>
      </header>
      {view.problem && (
        <div role="alert" className="banner banner--critical">
          <span>{view.problem.message}</span>
          {view.problem.backupUsable && (
            <button type="button" className="button" onClick={() => void recover()}>
              Use previous version
            </button>
          )}
        </div>
      )}
      {view.accounts.length === 0 ? (
        <div className="empty">
          <p>Add an account on the Codes page to see what to secure for it: two-step verification, bank and tax details, people and devices, and a recovery plan.</p>
        </div>
      ) : (
        <>
          <div className="overall" data-testid="checklist-overall">
            <ProgressRing done={view.progress.done} total={view.progress.total} label="All accounts" size={72} />
            <p>
              <strong>
                {view.progress.done} of {view.progress.total}
              </strong>{' '}
              items done across {view.accounts.length} account{view.accounts.length === 1 ? '' : 's'}.
            </p>
          </div>
          {view.accounts.map((account) => (
            <AccountCard key={account.accountId} account={account} onlyLeft={onlyLeft} onTick={(itemId, done, note) => void tick(account.accountId, itemId, done, note)} onRegion={(r) => void setRegion(account.accountId, r)} />
          ))}
        </>
      )}
    </section>
  )
}

function AccountCard({
  account,
  onlyLeft,
  onTick,
  onRegion,
}: Readonly<{ account: AccountView; onlyLeft: boolean; onTick: (itemId: string, done: boolean, note?: string) => void; onRegion: (region: SellerRegion | null) => void }>) {
  const name = account.issuer || account.label
  return (
    <details className="account-card" open data-testid="checklist-account">
      <summary>
        <ProgressRing done={account.progress.done} total={account.progress.total} label={name} size={40} />
        <span className="account-card__name">
          <strong>{name}</strong> <span className="muted">{KIND_LABELS[account.kind]}{account.issuer && account.label ? ` · ${account.label}` : ''}</span>
        </span>
        <span className="muted">
          {account.progress.done}/{account.progress.total}
        </span>
      </summary>
      {account.kind === 'seller-central' && (
        <label className="region">
          Seller Central region:{' '}
          <select className="input input--inline" value={account.region ?? ''} onChange={(e) => onRegion(e.target.value ? (e.target.value as SellerRegion) : null)}>
            <option value="">Not set</option>
            {SellerRegion.options.map((r) => (
              <option key={r} value={r}>
                {REGION_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      {account.regionNote && <p className="muted">{account.regionNote}</p>}
      {ChecklistSection.options.map((section) => {
        const items = account.items.filter((i) => i.section === section && (!onlyLeft || !(i.status === 'done' || i.status === 'verified')))
        if (items.length === 0) return null
        return (
          <section key={section} className="check-section">
            <h3>{SECTION_TITLES[section]}</h3>
            <ul className="check-list">
              {items.map((item) => (
                <ChecklistItemRow key={item.id} item={item} onTick={(done, note) => onTick(item.id, done, note)} />
              ))}
            </ul>
          </section>
        )
      })}
    </details>
  )
}
