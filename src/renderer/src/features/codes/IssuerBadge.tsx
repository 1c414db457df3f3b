import type { CSSProperties } from 'react'
import { hueOf, initials } from './select-rows'

/** Initials on a colour derived from the name: no icon is ever fetched from the network. */
export function IssuerBadge({ name }: Readonly<{ name: string }>) {
  return (
    <span className="badge" style={{ '--hue': hueOf(name) } as CSSProperties} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
