import { memo, useState, type KeyboardEvent } from 'react'
import { groupCode, type CodeFrame } from '../../contract'
import { AccountBadge } from './AccountBadge'
import { Countdown } from '../../ui/Countdown'
import { RowMenu } from '../../ui/RowMenu'
import type { AccountView } from './select-rows'

export type CodeRowProps = Readonly<{
  view: AccountView
  frame: CodeFrame | undefined
  correctionMs: number
  showNext: boolean
  locked: boolean
  /** Screen privacy: the code shows as ••• ••• until this row is clicked, or focused and Enter pressed. */
  hideCodes: boolean
  /** Alt+Up/Down reorders only in the user's own order. */
  canMove: boolean
  onCopy: (id: string, which: 'current' | 'next') => void
  onNextHotp: (id: string) => void
  onMove: (id: string, delta: number) => void
  onEdit: (id: string) => void
  /** Opens "Code rejected?" for this account. */
  onHelp: (id: string) => void
  onPin: (id: string) => void
}>

/**
 * One account: badge, its short name and the line under it (user text in
 * `<bdi>`, so a right-to-left name cannot reorder the row), the code (click
 * or Enter copies it), countdown, next code, pin, "Code rejected?", and
 * the ⋯ menu (edit, and "Code rejected?" again, where issue 14 asks for it).
 */
export const CodeRow = memo(function CodeRow(props: CodeRowProps) {
  const { view, frame, correctionMs, showNext, locked, canMove } = props
  const { account, name, detail } = view
  const spoken = detail ? `${name}, ${detail}` : name
  // Hidden codes: shown from a click or Enter on this row until focus leaves it.
  const [shown, setShown] = useState(false)
  const hidden = props.hideCodes && !shown
  const onKeyDown = (event: KeyboardEvent) => {
    if (canMove && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault()
      props.onMove(account.id, event.key === 'ArrowUp' ? -1 : 1)
    }
  }
  return (
    <div className="code-row" data-testid="code-row" data-account-id={account.id}>
      <AccountBadge badge={view.badge} accountId={account.id} version={account.updatedAt} />
      <div className="code-row__names">
        <span className="code-row__name" data-testid="account-name">
          <bdi className="code-row__issuer">{view.nameParts.base}</bdi>
          {view.nameParts.region && <span className="code-row__region"> {view.nameParts.region}</span>}
        </span>
        {detail && (
          <bdi className="code-row__label" data-testid="account-detail">
            {detail}
          </bdi>
        )}
      </div>
      {frame ? (
        <button
          type="button"
          className="code-row__code"
          onClick={() => (setShown(true), props.onCopy(account.id, 'current'))}
          onKeyDown={onKeyDown}
          onBlur={() => setShown(false)}
          aria-label={
            hidden
              ? `Hidden code for ${spoken}. Enter shows and copies it${canMove ? '; Alt+Up or Alt+Down moves the account' : ''}.`
              : `${groupCode(frame.code)}, code for ${spoken}. Enter copies it${canMove ? '; Alt+Up or Alt+Down moves the account' : ''}.`
          }
          data-testid="code"
          data-hidden={hidden || undefined}
        >
          {hidden ? groupCode('•'.repeat(frame.code.length)) : groupCode(frame.code)}
        </button>
      ) : (
        <span className="code-row__code code-row__code--missing" data-testid="code-missing">
          {locked ? 'Locked' : '— — —'}
        </span>
      )}
      <div className="code-row__side">
        {frame && account.type !== 'hotp' && <Countdown periodStart={frame.periodStart} period={frame.period} correctionMs={correctionMs} />}
        {frame && account.type === 'hotp' && (
          <button type="button" className="button button--small" onClick={() => props.onNextHotp(account.id)}>
            Next code
          </button>
        )}
        {showNext && !hidden && frame?.nextCode && (
          <button type="button" className="code-row__next" onClick={() => props.onCopy(account.id, 'next')} aria-label={`Next code ${frame.nextCode}. Copy`}>
            next {groupCode(frame.nextCode)}
          </button>
        )}
      </div>
      <div className="code-row__actions">
        <button
          type="button"
          className={`icon-button pin-button${account.pinned ? ' pin-button--on' : ''}`}
          onClick={() => props.onPin(account.id)}
          aria-pressed={account.pinned}
          aria-label={`Pin ${spoken}`}
          title={account.pinned ? 'Pinned: first here, in the tray and the quick pick' : 'Pin to the top'}
          data-testid="pin"
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
          </svg>
        </button>
        <button type="button" className="icon-button" onClick={() => props.onHelp(account.id)} aria-label={`Code rejected? ${spoken}`} title="Code rejected?" data-testid="row-code-help">
          ?
        </button>
        <RowMenu
          label={`Actions for ${spoken}`}
          items={[
            { label: 'Edit account…', onSelect: () => props.onEdit(account.id), testId: 'menu-edit' },
            { label: 'Code rejected?', onSelect: () => props.onHelp(account.id), testId: 'menu-code-help' },
          ]}
        />
      </div>
    </div>
  )
})
