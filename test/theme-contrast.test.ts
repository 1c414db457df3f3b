import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const UI = path.resolve(__dirname, '../src/renderer/src')
const THEME = readFileSync(path.join(UI, 'ui/theme.css'), 'utf8')

/** The colour tokens of one theme, read from ui/theme.css's light-dark() pairs. */
function tokens(theme: 'light' | 'dark'): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [, name, light, dark] of THEME.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)/gi)) out[name!] = theme === 'light' ? light! : dark!
  return out
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
}
function rgbOfHex(hex: string): number[] {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
}
/** CSS hsl(): hue in degrees, saturation and lightness 0..1. */
function rgbOfHsl(hue: number, s: number, l: number): number[] {
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))
  }
  return [f(0), f(8), f(4)]
}
/** WCAG 2.x contrast ratio, 1..21. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** Every text colour the CSS puts on a background token: [text, background]. WCAG AA asks 4.5:1 for text. */
const TEXT_ON = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-2'],
  ['muted', 'bg'], ['muted', 'surface'], ['muted', 'surface-2'],
  ['accent', 'bg'], ['accent', 'surface'], ['accent', 'surface-2'],
  ['accent-text', 'accent'],
  ['ok', 'surface'], ['ok', 'surface-2'], ['warn', 'surface'], ['warn', 'surface-2'], ['critical', 'bg'], ['critical', 'surface'], ['critical', 'surface-2'],
  // The verified and failing marks of the checklist, the marked character of a bad key.
  ['on-ok', 'ok'], ['on-critical', 'critical'],
  // The toast is inverted.
  ['bg', 'text'],
] as const
/** Non-text parts people must see (focus ring, status dots, countdown): 3:1 (WCAG 1.4.11). */
const PARTS_ON = [['focus', 'bg'], ['focus', 'surface'], ['ok', 'surface'], ['warn', 'surface'], ['critical', 'surface'], ['unknown', 'surface'], ['accent', 'surface-2']] as const

describe('the colour tokens meet WCAG AA in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    const t = tokens(theme)
    it.each(TEXT_ON)(`${theme}: --%s text on --%s is at least 4.5:1`, (text, background) => {
      expect(t[text], `--${text} is defined`).toBeDefined()
      expect(t[background], `--${background} is defined`).toBeDefined()
      expect(contrast(rgbOfHex(t[text]!), rgbOfHex(t[background]!))).toBeGreaterThanOrEqual(4.5)
    })
    it.each(PARTS_ON)(`${theme}: --%s on --%s is at least 3:1`, (part, background) => {
      expect(contrast(rgbOfHex(t[part]!), rgbOfHex(t[background]!))).toBeGreaterThanOrEqual(3)
    })
  }

  it('white initials are readable on an issuer badge of every hue (hsl(h 50% 30%), codes.css)', () => {
    const worst = Math.min(...Array.from({ length: 360 }, (_, hue) => contrast([1, 1, 1], rgbOfHsl(hue, 0.5, 0.3))))
    expect(worst).toBeGreaterThanOrEqual(4.5)
  })

  it('no stylesheet puts a literal white text on a token background: use the --on-* tokens, which change with the theme', () => {
    const sheets = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sheets(path.join(dir, e.name)) : e.name.endsWith('.css') ? [path.join(dir, e.name)] : []))
    const offenders: string[] = []
    for (const file of sheets(UI)) {
      for (const [rule] of readFileSync(file, 'utf8').matchAll(/[^{}]+\{[^}]*\}/g)) {
        if (/background:\s*var\(--/.test(rule) && /(^|[^-])color:\s*#fff(fff)?\b/i.test(rule)) offenders.push(`${path.relative(UI, file)}: ${rule.trim().split('{')[0]!.trim()}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
