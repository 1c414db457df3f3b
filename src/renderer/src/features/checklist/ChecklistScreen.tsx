import { useEffect, useMemo, useState } from 'react'
import { KIND_LABELS, fold, percentDone, type ChecklistItemChange } from '../../contract'
import { useStore } from '../../store'
import { downloadText } from '../../ui/files'
import { formatCount } from '../../ui/format-count'
import { ProgressRing } from '../../ui/ProgressRing'
import { AccountCard } from './AccountCard'
import { ItemList } from './ItemList'
import { ProblemBanner } from './ProblemBanner'
import { accountName } from './account-name'

type Change = Omit<ChecklistItemChange, 'accountId' | 'itemId'>

/** Up to this many accounts start open; with more, each starts closed (its summary still shows its count). */
const OPEN_UP_TO = 3

export function ChecklistScreen() {
  const view = useStore((s) => s.checklist)
  const load = useStore((s) => s.loadChecklist)
  const change = useStore((s) => s.changeChecklistItem)
  const setRegion = useStore((s) => s.setChecklistRegion)
  const exportChecklistReport = useStore((s) => s.exportChecklistReport)
  const recover = useStore((s) => s.recoverChecklist)
  const [onlyLeft, setOnlyLeft] = useState(false)
  const [query, setQuery] = useState('')
  const [opened, setOpened] = useState<Readonly<Record<string, boolean>>>({})
  // Ages ("measured 4 min ago") stay true while the screen is open.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => void load(), [load])
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])

  const accounts = useMemo(() => view?.accounts ?? [], [view])
  const shown = useMemo(() => {
    const q = fold(query.trim())
    if (!q) return accounts
    return accounts.filter((a) => fold(`${a.issuer} ${a.label} ${KIND_LABELS[a.kind]}`).includes(q))
  }, [accounts, query])

  if (!view) return null
  const isOpen = (id: string) => opened[id] ?? accounts.length <= OPEN_UP_TO
  const setAll = (open: boolean) => setOpened(Object.fromEntries(accounts.map((a) => [a.accountId, open])))
  const onChange = (accountId: string | null) => (itemId: string, c: Change) => change({ accountId, itemId, ...c })

  async function exportReport(format: 'markdown' | 'html') {
    const reply = await exportChecklistReport(format)
    if (reply.ok) downloadText(reply.value.fileName, reply.value.mimeType, reply.value.content)
  }

  function jumpTo(id: string) {
    setOpened((o) => ({ ...o, [id]: true }))
    setQuery('')
    requestAnimationFrame(() => {
      const card = document.getElementById(`checklist-account-${id}`)
      card?.scrollIntoView({ block: 'start' })
      card?.querySelector<HTMLElement>('summary')?.focus()
    })
  }

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
      {view.problem && <ProblemBanner problem={view.problem} onRecover={recover} />}
      {accounts.length === 0 ? (
        <div className="empty">
          <p>Add an account on the Codes page to see what to secure for it: two-step verification, bank and tax details, people and devices, and a recovery plan.</p>
        </div>
      ) : (
        <>
          <div className="overall" data-testid="checklist-overall">
            <ProgressRing done={view.progress.done} total={view.progress.total} label="Everything" size={72} />
            <p>
              <strong>
                {formatCount(view.progress.done)} of {formatCount(view.progress.total)}
              </strong>{' '}
              items done ({percentDone(view.progress)} %): this computer and {formatCount(accounts.length)} account{accounts.length === 1 ? '' : 's'}.
            </p>
          </div>
          <section className="account-card computer-card" aria-labelledby="checklist-computer" data-testid="checklist-computer">
            <div className="computer-card__head">
              <ProgressRing done={view.computer.progress.done} total={view.computer.progress.total} label="This computer" size={40} />
              <h2 id="checklist-computer">This computer</h2>
              <span className="account-card__count">
                {view.computer.progress.done}/{view.computer.progress.total}
              </span>
            </div>
            <ItemList items={view.computer.items} ownerName="this computer" hideDone={onlyLeft} now={now} onChange={onChange(null)} />
          </section>
          <div className="toolbar checklist-find">
            <input className="input" type="search" placeholder="Find an account" aria-label="Find an account" value={query} onChange={(e) => setQuery(e.target.value)} />
            <select className="input input--inline" aria-label="Jump to account" value="" onChange={(e) => e.target.value && jumpTo(e.target.value)}>
              <option value="">Jump to account…</option>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {accountName(a)} ({KIND_LABELS[a.kind]}) {a.progress.done}/{a.progress.total}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => setAll(true)}>
              Expand all
            </button>
            <button type="button" className="button" onClick={() => setAll(false)}>
              Collapse all
            </button>
          </div>
          {shown.length === 0 && <p className="muted">No account matches “{query}”.</p>}
          {shown.map((account) => (
            <AccountCard
              key={account.accountId}
              account={account}
              open={isOpen(account.accountId)}
              hideDone={onlyLeft}
              now={now}
              onToggle={(open) => open !== isOpen(account.accountId) && setOpened((o) => ({ ...o, [account.accountId]: open }))}
              onChange={onChange(account.accountId)}
              onRegion={(r) => void setRegion(account.accountId, r)}
            />
          ))}
        </>
      )}
    </section>
  )
}
