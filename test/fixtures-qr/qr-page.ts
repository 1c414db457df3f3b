import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import QRCode from 'qrcode'

/**
 * Realistic test images from Debian's Chromium: a fake "set up two-step
 * verification" page with QR codes among text and colour, screenshotted as
 * is (a screenshot) or through CSS transforms and filters (a photo of a
 * monitor: tilted, in perspective, blurred, low-contrast, noisy, unevenly lit).
 * Everything is inline (data: URLs), so no page touches the network.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The same flags as playwright.config.ts (DESIGN.md section 4). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Why Chromium cannot run here, or null when it can. */
export function chromiumUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export type ShotOptions = Readonly<{
  /** CSS pixels of the viewport. */
  width: number
  height: number
  /** Device pixels per CSS pixel: 3 turns a 1334 × 1000 page into a 12-MP image. Default 1. */
  scale?: number
  /** Default PNG. */
  jpegQuality?: number
}>

/** Renders `html` and returns the screenshot's bytes. */
export async function screenshot(browser: Browser, html: string, options: ShotOptions): Promise<Uint8Array> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, deviceScaleFactor: options.scale ?? 1 })
  try {
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const shot = options.jpegQuality === undefined ? await page.screenshot({ type: 'png' }) : await page.screenshot({ type: 'jpeg', quality: options.jpegQuality })
    return new Uint8Array(shot)
  } finally {
    await context.close()
  }
}

/** A QR code on the page: its text and its width in CSS pixels. */
export type PageCode = Readonly<{ text: string; size: number }>

/** A settings page with the codes in a card among headings, text, buttons and coloured panels. */
export async function screenPage(codes: readonly PageCode[]): Promise<string> {
  return page(await codeCards(codes), '')
}

/** The same page as a phone photo of a monitor. */
export async function photoPage(codes: readonly PageCode[]): Promise<string> {
  return page(await codeCards(codes), PHOTO_STYLE)
}

async function codeCards(codes: readonly PageCode[]): Promise<string> {
  const cards = await Promise.all(
    codes.map(async ({ text, size }, i) => {
      const src = await QRCode.toDataURL(text, { margin: 4, width: size })
      return `<div class="card"><h3>Authenticator app ${i + 1}</h3><img src="${src}" width="${size}" height="${size}" alt=""><p class="key">Can't scan it? Enter the key shown in your seller account.</p></div>`
    }),
  )
  return cards.join('')
}

const PHOTO_STYLE = `
  body { background: #5b4a3c; }
  .scene { transform: perspective(1400px) rotateX(9deg) rotateY(-11deg) rotate(10deg) scale(0.86);
           filter: blur(1.1px) contrast(0.55) brightness(1.12) saturate(0.7); }
  .light { position: fixed; inset: 0; pointer-events: none;
           background: radial-gradient(ellipse at 30% 20%, rgba(255,255,240,0.35), rgba(0,0,0,0.35) 75%); }
  .noise { position: fixed; inset: 0; opacity: 0.32; mix-blend-mode: multiply; }
`

function page(cards: string, extraStyle: string): string {
  const noise = extraStyle
    ? '<div class="light"></div><svg class="noise" width="100%" height="100%"><filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="3" seed="7"/><feColorMatrix type="saturate" values="0"/></filter><rect width="100%" height="100%" filter="url(#n)"/></svg>'
    : ''
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 sans-serif; color: #1d2433; background: #eef1f6; }
  .scene { display: grid; grid-template-columns: 220px 1fr; min-height: 100vh; transform-origin: 50% 45%; }
  nav { background: #232f3e; color: #fff; padding: 24px 18px; }
  nav a { display: block; color: #ffd18a; margin: 10px 0; }
  main { padding: 28px 40px; }
  header { background: linear-gradient(90deg, #ff9900, #e4572e); color: #fff; padding: 14px 20px; border-radius: 8px; }
  .row { display: flex; gap: 28px; flex-wrap: wrap; margin-top: 22px; }
  .card { background: #fff; border-radius: 10px; padding: 16px 20px; box-shadow: 0 2px 8px rgba(0,0,0,0.15); }
  .key { color: #5f6b7a; max-width: 260px; }
  .steps { background: #dff3e4; border-left: 6px solid #2e9d5b; padding: 12px 18px; margin-top: 22px; max-width: 520px; }
  button { background: #0a66c2; color: #fff; border: 0; border-radius: 6px; padding: 10px 18px; font-size: 15px; }
  ${extraStyle}
  </style></head><body><div class="scene">
  <nav><strong>Seller Central</strong><a>Orders</a><a>Inventory</a><a>Payments</a><a>Account health</a><a>Login settings</a></nav>
  <main><header><h2 style="margin:0">Two-step verification</h2>Protect your account with an authenticator app.</header>
  <div class="row">${cards}<div class="steps"><ol><li>Open your authenticator app.</li><li>Scan the QR code.</li><li>Enter the 6-digit code it shows.</li></ol><button>Verify code and continue</button></div></div>
  <p>Keep your backup codes somewhere safe. You will need them if you lose your phone.</p></main>
  </div>${noise}</body></html>`
}
