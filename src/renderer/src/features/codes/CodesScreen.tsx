import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { choiceOf, describeOffset, SORT_ORDERS, type ImportPreview, type SortOrder } from '../../contract'
import { useStore } from '../../store'
import { ImportAccountsDialog } from '../transfer/ImportAccountsDialog'
import { useImportFile } from '../transfer/use-import-file'
import { AddAccountDialog } from '../add-account/AddAccountDialog'
import { ClockBanner } from '../clock/ClockBanner'
import { KeychainBanner } from '../vault/KeychainBanner'
import { CodeList } from './CodeList'
import { EmptyState } from './EmptyState'
import { selectRows } from './select-rows'
import { useTypeToSearch } from './use-type-to-search'
import { LazyPart, lazyNamed } from '../../ui/Lazy'

// Dialogs the list does not show until asked: each loads when first opened (the Add dialog stays, for the empty state).
const CodeHelpDialog = lazyNamed(() => import('../clock/CodeHelpDialog'), 'CodeHelpDialog')
const EditAccountDialog = lazyNamed(() => import('./EditAccountDialog'), 'EditAccountDialog')
const ImportDialog = lazyNamed(() => import('../transfer/ImportDialog'), 'ImportDialog')

const SORT_LABELS: Readonly<Record<SortOrder, string>> = { manual: 'My order', name: 'By name', issuer: 'By issuer', recent: 'Recently used' }

export function CodesScreen() {
  const accounts = useStore((s) => s.accounts)
  // Names, badges and search text, described as the accounts came in (account-views.ts); then filtering 1,000 takes about a millisecond.
  const views = useStore((s) => s.views)
  const query = useStore((s) => s.query)
  const mac = useStore((s) => s.info?.platform === 'darwin')
  const findKeys = mac ? '⌘F' : 'Ctrl+F'
  const setQuery = useStore((s) => s.setQuery)
  const showNext = useStore((s) => s.showNext)
  const setShowNext = useStore((s) => s.setShowNext)
  const correctionMs = useStore((s) => s.correctionMs)
  const sort = useStore((s) => s.settings?.sort ?? 'manual')
  const density = useStore((s) => s.settings?.density ?? 'comfortable')
  const updateSettings = useStore((s) => s.updateSettings)
  const sortId = useId()
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [helping, setHelping] = useState<string | null>(null)
  const [importing, setImporting] = useState<ImportPreview | null>(null)
  const [choosingImport, setChoosingImport] = useState(false)
  const importFile = useImportFile((preview) => {
    setChoosingImport(false)
    setImporting(preview)
  })
  const openImport = useCallback(() => setChoosingImport(true), [])
  const search = useRef<HTMLInputElement>(null)
  useTypeToSearch(search)
  const searchRequested = useStore((s) => s.searchRequested)
  const searchFocused = useStore((s) => s.searchFocused)
  const copyCode = useStore((s) => s.copyCode)
  useEffect(() => {
    if (!searchRequested) return
    search.current?.focus()
    search.current?.select()
    searchFocused()
  }, [searchRequested, searchFocused])
  const rows = useMemo(() => selectRows(views, accounts, query, sort), [views, accounts, query, sort])
  const onEdit = useCallback((id: string) => setEditing(id), [])
  const onHelp = useCallback((id: string) => setHelping(id), [])
  const shown = rows.filter((r) => r.type === 'account').length

  return (
    <section
      className="screen screen--codes"
      aria-labelledby="codes-title"
      data-testid="codes-screen"
      data-density={density}
      // A file dropped anywhere here is imported (an export, or a QR code image); the Add dialog's own drop zone handles its drops first.
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault()
      }}
      onDrop={(e) => {
        const dropped = e.dataTransfer.files[0]
        if (e.defaultPrevented || !dropped) return
        e.preventDefault()
        void importFile.pick(dropped).then((done) => {
          if (!done) setChoosingImport(true)
        })
      }}
    >
      <header className="screen__header">
        <h1 id="codes-title">Codes</h1>
        <div className="toolbar">
          <input
            ref={search}
            type="search"
            className="input search"
            // The hint fits the field at every width down to the window's minimum (720 px); compact's one-line header at 1024 px leaves
            // room for the word alone. The shortcut and typing anywhere are in its tooltip.
            placeholder={density === 'compact' ? 'Search' : `Search (${findKeys})`}
            title={`Type anywhere on this screen to search, or press ${findKeys}`}
            aria-keyshortcuts={mac ? 'Meta+F' : 'Control+F'}
            aria-label="Search accounts"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('')
              // Quick pick: type to filter, Enter copies the first match.
              const first = rows.find((r) => r.type === 'account')
              if (e.key === 'Enter' && first?.type === 'account') void copyCode(first.view.account.id)
            }}
          />
          <label htmlFor={sortId} className="visually-hidden">
            Sort accounts
          </label>
          <select id={sortId} className="input input--inline" value={sort} onChange={(e) => void updateSettings({ sort: choiceOf(SORT_ORDERS, e.target.value) })} data-testid="sort">
            {SORT_ORDERS.map((option) => (
              <option key={option} value={option}>
                {SORT_LABELS[option]}
              </option>
            ))}
          </select>
          <label className="toggle">
            <input type="checkbox" checked={showNext} onChange={(e) => setShowNext(e.target.checked)} />
            Next codes
          </label>
          <button type="button" className="button" onClick={openImport}>
            Import accounts
          </button>
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add account
          </button>
        </div>
      </header>
      <KeychainBanner />
      <ClockBanner {...(accounts.length > 0 ? { onHelp: () => setHelping(accounts.find((a) => a.type !== 'hotp')?.id ?? accounts[0]!.id) } : {})} />
      {correctionMs !== 0 && (
        <p className="clock-note" data-testid="corrected-note">
          Codes use corrected time: your computer’s clock is {describeOffset(correctionMs)}.
        </p>
      )}
      {accounts.length === 0 ? (
        <EmptyState onAdd={() => setAdding(true)} onImport={openImport} />
      ) : shown === 0 ? (
        <p className="no-results" data-testid="no-results">
          No account matches “{query}”.
        </p>
      ) : (
        <CodeList rows={rows} onEdit={onEdit} onHelp={onHelp} density={density} canMove={sort === 'manual' && query === ''} />
      )}
      {adding && (
        <AddAccountDialog
          onClose={() => setAdding(false)}
          onPreview={(preview) => {
            setAdding(false)
            setImporting(preview)
          }}
        />
      )}
      {choosingImport && <ImportAccountsDialog flow={importFile} onClose={() => setChoosingImport(false)} />}
      <LazyPart>
        {importing && <ImportDialog preview={importing} onClose={() => setImporting(null)} />}
        {editing && (
          <EditAccountDialog
            id={editing}
            onClose={() => setEditing(null)}
            onHelp={(id) => {
              setEditing(null)
              setHelping(id)
            }}
          />
        )}
        {helping && <CodeHelpDialog id={helping} onClose={() => setHelping(null)} />}
      </LazyPart>
    </section>
  )
}
