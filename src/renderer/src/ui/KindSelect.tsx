import { useId } from 'react'
import { ACCOUNT_KINDS, KIND_LABELS, type AccountKind } from '../contract'

/** The account-kind picker of the add, edit and import dialogs; `''` lets main guess from the name. */
export function KindSelect({ value, onChange, allowGuess }: Readonly<{ value: AccountKind | ''; onChange: (kind: AccountKind | '') => void; allowGuess: boolean }>) {
  const id = useId()
  return (
    <div className="form__field">
      <label htmlFor={id}>Kind</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as AccountKind | '')}>
        {allowGuess && <option value="">Guess from the name</option>}
        {ACCOUNT_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </div>
  )
}
