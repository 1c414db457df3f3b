import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { VirtualList } from '../../ui/VirtualList'
import { CodeRow } from './CodeRow'
import type { ListRow } from './select-rows'

const HEADER_HEIGHT = 40
const ROW_HEIGHT = 72
const heightOf = (row: ListRow) => (row.type === 'header' ? HEADER_HEIGHT : ROW_HEIGHT)
const keyOf = (row: ListRow) => row.key

function ConnectedRow({ row, onEdit, onHelp }: Readonly<{ row: ListRow & { type: 'account' }; onEdit: (id: string) => void; onHelp: (id: string) => void }>) {
  const frame = useStore((s) => s.frames[row.account.id])
  const { correctionMs, showNext, hideCodes, locked, copyCode, nextHotp, moveAccount } = useStore(
    useShallow((s) => ({
      correctionMs: s.correctionMs,
      showNext: s.showNext,
      hideCodes: s.settings?.hideCodes ?? false,
      locked: s.keychain?.state === 'locked',
      copyCode: s.copyCode,
      nextHotp: s.nextHotp,
      moveAccount: s.moveAccount,
    })),
  )
  return (
    <CodeRow
      account={row.account}
      frame={frame}
      correctionMs={correctionMs}
      showNext={showNext}
      locked={locked}
      hideCodes={hideCodes}
      onCopy={(id, which) => void copyCode(id, which)}
      onNextHotp={(id) => void nextHotp(id)}
      onMove={(id, delta) => void moveAccount(id, delta)}
      onEdit={onEdit}
      onHelp={onHelp}
    />
  )
}

export function CodeList({ rows, onEdit, onHelp }: Readonly<{ rows: readonly ListRow[]; onEdit: (id: string) => void; onHelp: (id: string) => void }>) {
  const render = useCallback(
    (row: ListRow) =>
      row.type === 'header' ? (
        <h2 className="list-header">
          {row.title} <span className="list-header__count">{row.count}</span>
        </h2>
      ) : (
        <ConnectedRow row={row} onEdit={onEdit} onHelp={onHelp} />
      ),
    [onEdit, onHelp],
  )
  return <VirtualList items={rows} heightOf={heightOf} keyOf={keyOf} render={render} label="Accounts" />
}
