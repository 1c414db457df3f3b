#!/usr/bin/env node
// Renders resources/*.svg to the PNG sizes the packagers and the tray need,
// with Debian's Chromium (ImageMagick here has no SVG delegate). Run it after
// editing an icon's SVG; the PNGs are committed.
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources')
const jobs = [
  ['icon.svg', 'icon.png', 512],
  // Tray: 16 px and @2x for Windows and Linux (colour), templates for the macOS menu bar (black + alpha).
  ...['tray', 'tray-warning', 'trayTemplate', 'trayWarningTemplate'].flatMap((name) => [
    [`tray/${name}.svg`, `tray/${name}.png`, 16],
    [`tray/${name}.svg`, `tray/${name}@2x.png`, 32],
  ]),
  ['tray/tray.svg', 'tray/tray-32.png', 32],
  ['tray/tray.svg', 'tray/tray-64.png', 64],
]
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
for (const [svg, png, size] of jobs) {
  const markup = readFileSync(path.join(dir, svg), 'utf8')
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`)
  await page.locator('svg').screenshot({ path: path.join(dir, png), omitBackground: true })
  console.log(`${png} ${size}x${size}`)
}
await browser.close()
