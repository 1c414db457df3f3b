import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Density } from '../../contract'
import { useStore } from '../../store'
import { VirtualList } from '../../ui/VirtualList'
import { CodeRow } from './CodeRow'
import type { ListRow } from './select-rows'

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

function ConnectedRow({ row, onEdit, onHelp, canMove }: RowActions & Readonly<{ row: ListRow & { type: 'account' } }>) {
  const frame = useStore((s) => s.frames[row.view.account.id])
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
  return (
    <CodeRow
      view={row.view}
      frame={frame}
      correctionMs={correctionMs}
      showNext={showNext}
      locked={locked}
      hideCodes={hideCodes}
      canMove={canMove}
      onCopy={(id, which) => void copyCode(id, which)}
      onNextHotp={(id) => void nextHotp(id)}
      onMove={(id, delta) => void moveAccount(id, delta)}
      onEdit={onEdit}
      onHelp={onHelp}
      onPin={(id) => void togglePin(id)}
    />
  )
}

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
        <ConnectedRow row={row} onEdit={onEdit} onHelp={onHelp} canMove={canMove} />
      ),
    [onEdit, onHelp, canMove],
  )
  return (
    <div className={`code-list code-list--${density}`} data-density={density}>
      <VirtualList items={rows} heightOf={heightOf} keyOf={keyOf} render={render} label="Accounts" />
    </div>
  )
}
