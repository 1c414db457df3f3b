import { useId } from 'react'
import { useStore } from '../store'

/** The group field of the add, edit and import dialogs, offering the groups already in use. */
export function GroupField({ value, onChange, label = 'Group (optional)', placeholder = 'e.g. Europe' }: Readonly<{ value: string; onChange: (group: string) => void; label?: string; placeholder?: string }>) {
  const ids = { input: useId(), list: useId() }
  // A joined string, so the store selector returns a stable value between renders.
  const groups = useStore((s) => [...new Set(s.accounts.map((a) => a.group).filter(Boolean))].join('\n'))
  return (
    <div className="form__field">
      <label htmlFor={ids.input}>{label}</label>
      <input id={ids.input} className="input" list={ids.list} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
      <datalist id={ids.list}>
        {groups
          .split('\n')
          .filter(Boolean)
          .map((g) => (
            <option key={g} value={g} />
          ))}
      </datalist>
    </div>
  )
}
