import { memo, useState, type KeyboardEvent } from 'react'
import { groupCode, type AccountSummary, type CodeFrame } from '../../contract'
import { Countdown } from './Countdown'
import { IssuerBadge } from './IssuerBadge'

export type CodeRowProps = Readonly<{
  account: AccountSummary
  frame: CodeFrame | undefined
  correctionMs: number
  showNext: boolean
  locked: boolean
  /** Screen privacy: the code shows as ••• ••• until this row is clicked, or focused and Enter pressed. */
  hideCodes: boolean
  onCopy: (id: string, which: 'current' | 'next') => void
  onNextHotp: (id: string) => void
  onMove: (id: string, delta: number) => void
  onEdit: (id: string) => void
  /** Opens "Code rejected?" for this account. */
  onHelp: (id: string) => void
}>

/** One account: badge, names, the code (click or Enter copies it), countdown, next code. */
export const CodeRow = memo(function CodeRow(props: CodeRowProps) {
  const { account, frame, correctionMs, showNext, locked, hideCodes } = props
  const name = account.issuer || account.label
  // Hidden codes: shown from a click or Enter on this row until focus leaves it.
  const [shown, setShown] = useState(false)
  const hidden = hideCodes && !shown
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault()
      props.onMove(account.id, event.key === 'ArrowUp' ? -1 : 1)
    }
  }
  return (
    <div className="code-row" data-testid="code-row" data-account-id={account.id}>
      <IssuerBadge name={name} />
      <div className="code-row__names">
        <span className="code-row__issuer">{account.issuer || account.label}</span>
        {account.issuer && account.label && <span className="code-row__label">{account.label}</span>}
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
              ? `Hidden code for ${name}. Enter shows and copies it; Alt+Up or Alt+Down moves the account.`
              : `${groupCode(frame.code)}, code for ${name}. Enter copies it; Alt+Up or Alt+Down moves the account.`
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
      <button type="button" className="icon-button" onClick={() => props.onHelp(account.id)} aria-label={`Code rejected? ${name}`} title="Code rejected?" data-testid="row-code-help">
        ?
      </button>
      <button type="button" className="icon-button" onClick={() => props.onEdit(account.id)} aria-label={`Edit ${name}`}>
        ⋯
      </button>
    </div>
  )
})
