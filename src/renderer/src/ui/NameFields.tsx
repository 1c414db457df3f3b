import { useId } from 'react'

export type NameFieldsProps = Readonly<{
  issuer: string
  label: string
  onIssuer: (issuer: string) => void
  onLabel: (label: string) => void
  /** The account field may be left empty (adding); elsewhere it is simply "Account". */
  labelOptional?: boolean
  placeholders?: Readonly<{ issuer?: string; label?: string }>
}>

/** The Name / Account pair of the add, edit and import dialogs. */
export function NameFields({ issuer, label, onIssuer, onLabel, labelOptional = false, placeholders = {} }: NameFieldsProps) {
  const ids = { issuer: useId(), label: useId() }
  return (
    <div className="form__row">
      <div className="form__field">
        <label htmlFor={ids.issuer}>Name</label>
        <input id={ids.issuer} className="input" value={issuer} onChange={(e) => onIssuer(e.target.value)} placeholder={placeholders.issuer} />
      </div>
      <div className="form__field">
        <label htmlFor={ids.label}>{labelOptional ? 'Account (optional)' : 'Account'}</label>
        <input id={ids.label} className="input" value={label} onChange={(e) => onLabel(e.target.value)} placeholder={placeholders.label} />
      </div>
    </div>
  )
}
