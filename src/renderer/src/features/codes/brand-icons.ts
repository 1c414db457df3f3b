/// <reference types="vite/client" />
/**
 * The brand icons, one lazily loaded chunk each (see
 * scripts/brand-icons.mjs): a list of 1,000 accounts over ten brands reads
 * ten small files, and an icon nobody uses is never read.
 */
const LOADERS = Object.fromEntries(
  Object.entries(import.meta.glob<{ path: string }>('../../../../shared/brands/icons/*.json', { import: 'default' })).map(([file, load]) => [
    file.replace(/^.*\/([^/]+)\.json$/, '$1'),
    load,
  ]),
)

const loaded = new Map<string, string>()
const pending = new Map<string, Promise<string | null>>()

/** The icon's SVG path if it is already loaded (render it at once), else undefined. */
export function brandIconPath(slug: string): string | undefined {
  return loaded.get(slug)
}

/** Loads the icon's path once; null for a slug with no shipped icon. */
export function loadBrandIcon(slug: string): Promise<string | null> {
  const known = loaded.get(slug)
  if (known !== undefined) return Promise.resolve(known)
  let promise = pending.get(slug)
  if (!promise) {
    const load = LOADERS[slug]
    promise = load
      ? load().then(
          (icon) => (loaded.set(slug, icon.path), icon.path),
          () => null,
        )
      : Promise.resolve(null)
    pending.set(slug, promise)
  }
  return promise
}

/** How many icons ship (the bench reports it with their size). */
export const SHIPPED_ICON_COUNT = Object.keys(LOADERS).length
