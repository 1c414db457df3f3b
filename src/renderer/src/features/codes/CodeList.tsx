import { memo, useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Density } from '../../contract'
import { useStore } from '../../store'
import { VirtualList } from '../../ui/VirtualList'
import { CodeRow } from './CodeRow'
import type { AccountView, ListRow } from './select-rows'

/**
 * Row heights per density, px. Compact rows are 40 px: at 44, fourteen rows
 * take 616 of a 700 px window, which leaves 84 px for the toolbar, the
 * status strip and a section heading — not enough. At 40, with the compact
 * toolbar, fourteen accounts and their heading fit in 1024×700.
 */
export const ROW_HEIGHTS: Readonly<Record<Density, Readonly<{ header: number; row: number }>>> = {
  comfortable: { header: 40, row: 72 },
  compact: { header: 24, row: 40 },
}
const keyOf = (row: ListRow) => row.key

type RowActions = Readonly<{ onEdit: (id: string) => void; onHelp: (id: string) => void; canMove: boolean }>

/**
 * One row wired to the store. Memoised on the account's view (the same
 * object until the accounts change), so a keystroke in search re-renders
 * only rows that came into view, not every row still shown; the store's
 * actions are stable, so CodeRow's own memo holds too.
 */
const ConnectedRow = memo(function ConnectedRow({ view, onEdit, onHelp, canMove }: RowActions & Readonly<{ view: AccountView }>) {
  const frame = useStore((s) => s.frames[view.account.id])
  const { correctionMs, showNext, hideCodes, locked, copyCode, nextHotp, moveAccount, togglePin } = useStore(
    useShallow((s) => ({
      correctionMs: s.correctionMs,
      showNext: s.showNext,
      hideCodes: s.settings?.hideCodes ?? false,
      locked: s.keychain?.state === 'locked',
      copyCode: s.copyCode,
      nextHotp: s.nextHotp,
      moveAccount: s.moveAccount,
      togglePin: s.togglePin,
    })),
  )
  const onCopy = useCallback((id: string, which: 'current' | 'next') => void copyCode(id, which), [copyCode])
  const onNextHotp = useCallback((id: string) => void nextHotp(id), [nextHotp])
  const onMove = useCallback((id: string, delta: number) => void moveAccount(id, delta), [moveAccount])
  const onPin = useCallback((id: string) => void togglePin(id), [togglePin])
  return (
    <CodeRow
      view={view}
      frame={frame}
      correctionMs={correctionMs}
      showNext={showNext}
      locked={locked}
      hideCodes={hideCodes}
      canMove={canMove}
      onCopy={onCopy}
      onNextHotp={onNextHotp}
      onMove={onMove}
      onEdit={onEdit}
      onHelp={onHelp}
      onPin={onPin}
    />
  )
})

export function CodeList({ rows, onEdit, onHelp, density, canMove }: RowActions & Readonly<{ rows: readonly ListRow[]; density: Density }>) {
  const heights = ROW_HEIGHTS[density]
  const heightOf = useCallback((row: ListRow) => (row.type === 'header' ? heights.header : heights.row), [heights])
  const render = useCallback(
    (row: ListRow) =>
      row.type === 'header' ? (
        <h2 className="list-header">
          <bdi>{row.title}</bdi> <span className="list-header__count">{row.count}</span>
        </h2>
      ) : (
        <ConnectedRow view={row.view} onEdit={onEdit} onHelp={onHelp} canMove={canMove} />
      ),
    [onEdit, onHelp, canMove],
  )
  return (
    <div className={`code-list code-list--${density}`} data-density={density}>
      <VirtualList items={rows} heightOf={heightOf} keyOf={keyOf} render={render} label="Accounts" />
    </div>
  )
}
