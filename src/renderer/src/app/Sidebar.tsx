import { Icon } from '../ui/Icon'
import type { Screen } from './app-slice'

const ITEMS: ReadonlyArray<Readonly<{ id: Screen; label: string }>> = [
  { id: 'codes', label: 'Codes' },
  { id: 'checklist', label: 'Checklist' },
  { id: 'clock', label: 'Clock' },
  { id: 'settings', label: 'Settings' },
]

export function Sidebar({ current, onSelect }: Readonly<{ current: Screen; onSelect: (screen: Screen) => void }>) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">SG</span>
        <span className="brand__name">SellerGuard</span>
      </div>
      <ul className="nav">
        {ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav__item"
              aria-current={current === item.id ? 'page' : undefined}
              onClick={() => onSelect(item.id)}
            >
              <Icon name={item.id} />
              <span className="nav__label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
