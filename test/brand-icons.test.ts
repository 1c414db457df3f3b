import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import * as simpleIcons from 'simple-icons'
import { describe, expect, it } from 'vitest'
import { BRANDS } from '../src/shared/brands/brand-table'

const dir = path.join(import.meta.dirname, '../src/shared/brands/icons')
const bySlug = new Map(Object.values(simpleIcons).map((icon) => [icon.slug, icon]))

describe('shipped brand icons (scripts/brand-icons.mjs)', () => {
  it('are exactly the icons the table names, no more', () => {
    const shipped = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort()
    const named = BRANDS.flatMap((b) => (b.icon === null ? [] : [b.icon])).sort()
    expect(shipped).toEqual(named)
  })

  it('match the pinned simple-icons: same path and the table’s colour', () => {
    for (const brand of BRANDS) {
      if (brand.icon === null) continue
      const icon = bySlug.get(brand.icon)
      expect(icon, brand.icon).toBeDefined()
      const shipped = JSON.parse(readFileSync(path.join(dir, `${brand.icon}.json`), 'utf8')) as { path: string }
      expect(shipped.path, `${brand.icon}: run node scripts/brand-icons.mjs`).toBe(icon!.path)
      expect(brand.colour).toBe(`#${icon!.hex}`)
    }
  })

  it('are plain path data: nothing that could carry markup or script', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const { path: d, ...rest } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { path: string }
      expect(rest).toEqual({})
      expect(d).toMatch(/^[MmLlHhVvCcSsQqTtAaZz0-9.,\s+-]+$/)
    }
  })
})
