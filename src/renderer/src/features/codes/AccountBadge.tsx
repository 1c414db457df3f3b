import { memo, useEffect, useState, type CSSProperties } from 'react'
import type { Badge } from '../../contract'
import { useStore } from '../../store'
import { brandIconPath, loadBrandIcon } from './brand-icons'

/**
 * An account's badge: its brand's icon on the brand colour, a monogram,
 * letters, or the user's own image. Decorative (the name is next to it),
 * so hidden from assistive technology. Nothing is fetched from the network:
 * icons ship with the app, images come from main.
 */
export const AccountBadge = memo(function AccountBadge({ badge, accountId, version }: Readonly<{ badge: Badge; accountId: string; version: number }>) {
  switch (badge.kind) {
    case 'icon':
      return <BrandIcon slug={badge.icon} title={badge.title} style={{ background: badge.background, color: badge.foreground }} />
    case 'monogram':
    case 'letters':
      return (
        <span className={`badge${badge.text.length > 2 ? ' badge--small-text' : ''}`} style={{ background: badge.background, color: badge.foreground }} aria-hidden="true" data-badge={badge.kind}>
          {badge.text}
        </span>
      )
    case 'image':
      return <ImageBadge accountId={accountId} version={version} />
  }
})

function BrandIcon({ slug, title, style }: Readonly<{ slug: string; title: string; style: CSSProperties }>) {
  const [path, setPath] = useState(() => brandIconPath(slug))
  useEffect(() => {
    if (path !== undefined) return
    let live = true
    void loadBrandIcon(slug).then((p) => live && p !== null && setPath(p))
    return () => {
      live = false
    }
  }, [slug, path])
  return (
    <span className="badge badge--brand" style={style} aria-hidden="true" data-badge="icon" data-brand={slug}>
      {path === undefined ? (
        title.slice(0, 1)
      ) : (
        <svg viewBox="0 0 24 24" focusable="false">
          <path d={path} fill="currentColor" />
        </svg>
      )}
    </span>
  )
}

function ImageBadge({ accountId, version }: Readonly<{ accountId: string; version: number }>) {
  const key = `${accountId}@${version}`
  const src = useStore((s) => s.iconImages[key])
  const loadIconImage = useStore((s) => s.loadIconImage)
  useEffect(() => {
    if (src === undefined) void loadIconImage(accountId, version)
  }, [src, accountId, version, loadIconImage])
  // `src` is a data: URL main built from bytes it checked (PNG, JPEG or WebP); the CSP allows img-src data:.
  return src ? <img className="badge badge--image" src={src} alt="" aria-hidden="true" data-badge="image" /> : <span className="badge badge--empty" aria-hidden="true" data-badge="image" />
}
