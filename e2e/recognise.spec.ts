import AxeBuilder from '@axe-core/playwright'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { grouped, totp, totpWindow } from './helpers/totp'

/**
 * Issue 18: a codes list sellers recognise at a glance. Brand icons, Amazon
 * short names, letter badges, density, sort, pins, the enrolment
 * confirmation and "copy the next code instead", against the real web mode.
 */
const KEYS = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA', 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U']
const FIXTURES = path.join(__dirname, '../test/fixtures-icons')

type Seed = Readonly<{ issuer: string; label: string; kind?: string; region?: string | null; group?: string; pinned?: boolean }>

/** A seller's accounts: eight Amazon ones, brands with shipped icons, and some with none. */
const SEEDS: readonly Seed[] = [
  { issuer: 'Amazon', label: 'shop@example.com', kind: 'seller-central', region: 'na', pinned: true },
  { issuer: 'Amazon', label: 'shop@example.com', kind: 'seller-central', region: 'eu' },
  { issuer: 'amazon.co.jp', label: 'shop@example.com', kind: 'seller-central', region: 'fe' },
  { issuer: 'Amazon KDP', label: 'author@example.com', kind: 'kdp' },
  { issuer: 'Amazon Associates', label: 'shop@example.com', kind: 'associates', region: 'na' },
  { issuer: 'Amazon', label: 'me@example.com', kind: 'amazon-buyer', region: 'na' },
  { issuer: 'Second store', label: 'store2@example.com', kind: 'seller-central', region: 'eu' },
  { issuer: 'Amazon Web Services', label: 'root', kind: 'aws' },
  { issuer: 'eBay', label: 'shop-ebay', pinned: true },
  { issuer: 'Etsy', label: 'handmade' },
  { issuer: 'PayPal', label: 'payments@example.com' },
  { issuer: 'accounts.google.com', label: 'shop@gmail.com' },
  { issuer: 'GitHub', label: 'shop-dev' },
  { issuer: 'Wise', label: 'business' },
  { issuer: 'Acme Bank', label: 'treasury' },
  { issuer: 'Sparkasse', label: 'Geschäftskonto' },
  { issuer: '🦊 Fox Supplies', label: 'orders' },
  { issuer: 'متجر الأمل', label: 'owner@example.com' },
]

async function seed(page: Page, seeds: readonly Seed[] = SEEDS): Promise<string[]> {
  const ids: string[] = []
  for (const [i, s] of seeds.entries()) {
    const { pinned, ...input } = s
    const reply = await page.evaluate((arg) => window.sellerguard.accounts.add(arg as never), { text: KEYS[i % KEYS.length]!, ...input, label: `${s.label}` })
    if (!reply.ok) throw new Error(reply.error.message)
    ids.push(reply.value.id)
    if (pinned) await page.evaluate((id) => window.sellerguard.accounts.update({ id, pinned: true }), reply.value.id)
  }
  await expect(page.getByTestId('code-row').first()).toBeVisible()
  return ids
}

const setDensity = (page: Page, density: 'comfortable' | 'compact') => page.evaluate((d) => window.sellerguard.settings.update({ density: d }), density)

/** Brand icons load on demand, one small chunk each: wait until every icon badge on screen has its glyph. */
async function iconsDrawn(page: Page) {
  await expect(page.locator('[data-badge="icon"]').first()).toBeVisible()
  await expect.poll(() => page.locator('[data-badge="icon"]:not(:has(svg))').count()).toBe(0)
}

test.describe('codes list screenshots: light and dark, both densities, small and large windows', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const density of ['comfortable', 'compact'] as const) {
      test(`${scheme}, ${density}`, async ({ page }, testInfo) => {
        // Eighteen accounts, two window sizes and an axe pass: more than the default 30 s on a busy machine.
        test.setTimeout(60_000)
        await page.emulateMedia({ colorScheme: scheme })
        await seed(page)
        await setDensity(page, density)
        await expect(page.locator(`.code-list[data-density="${density}"]`)).toBeVisible()
        for (const [width, height] of [
          [720, 480],
          [1440, 900],
        ] as const) {
          await page.setViewportSize({ width, height })
          await iconsDrawn(page)
          const rowHeight = await page.getByTestId('code-row').first().evaluate((el) => el.getBoundingClientRect().height)
          expect(rowHeight).toBe(density === 'compact' ? 40 : 72)
          await page.screenshot({ path: testInfo.outputPath(`codes-${scheme}-${density}-${width}x${height}.png`) })
        }
        // Nothing on the new list fails axe in this theme and density.
        const results = await new AxeBuilder({ page }).include('.screen--codes').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      })
    }
  }
})

test('compact rows show at least 14 accounts in a 1024×700 window', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  // A seller's sixteen Seller Central logins, one section.
  await seed(page, Array.from({ length: 16 }, (_, i) => ({ issuer: 'Amazon', label: `store${i + 1}@example.com`, kind: 'seller-central', region: i % 2 ? 'eu' : 'na' })))
  // Everyday use: automatic backups are set up, so no "not set up" banner takes the room (a warning may push rows down; that is its job).
  await page.evaluate(() => window.sellerguard.backup.configure({ password: 'a good backup password' }))
  await expect(page.getByTestId('backup-banner')).toHaveCount(0)
  await setDensity(page, 'compact')
  await expect(page.locator('.code-list[data-density="compact"]')).toBeVisible()
  const list = page.getByRole('list', { name: 'Accounts' })
  const box = (await list.boundingBox())!
  const inView = await page.getByTestId('code-row').evaluateAll(
    (rows, { top, bottom }) => rows.filter((r) => r.getBoundingClientRect().top >= top && r.getBoundingClientRect().bottom <= bottom + 0.5).length,
    { top: box.y, bottom: box.y + box.height },
  )
  await page.screenshot({ path: testInfo.outputPath('compact-1024x700.png') })
  expect(inView).toBeGreaterThanOrEqual(14)
})

test('each Amazon account says which property and region it is, and brands show their icons', async ({ page }) => {
  // Tall enough that the virtual list renders every row.
  await page.setViewportSize({ width: 1280, height: 2000 })
  await seed(page)
  const names = await page.getByTestId('account-name').allTextContents()
  expect(names).toEqual(
    expect.arrayContaining(['Seller Central NA', 'Seller Central EU', 'Seller Central AU/SG', 'KDP', 'Associates NA', 'Amazon NA (buyer)', 'AWS', 'eBay', 'Acme Bank']),
  )
  const row = (name: string) => page.getByTestId('code-row').filter({ has: page.getByTestId('account-name').getByText(name, { exact: true }) })
  await expect(row('Seller Central EU').first().locator('[data-badge="monogram"]')).toHaveText('SC')
  await expect(row('KDP').locator('[data-badge="monogram"]')).toHaveText('KDP')
  await expect(row('eBay').locator('[data-brand="ebay"] svg')).toBeVisible()
  await expect(row('accounts.google.com').locator('[data-brand="google"]')).toHaveCount(1)
  await expect(row('Acme Bank').locator('[data-badge="letters"]')).toHaveText('AB')
  await expect(row('🦊 Fox Supplies').locator('[data-badge="letters"]')).toHaveText('🦊F')
  // User text is isolated: a right-to-left name sits in a <bdi>.
  await expect(row('متجر الأمل').getByTestId('account-name').locator('bdi')).toHaveText('متجر الأمل')
  await expect(row('متجر الأمل').getByTestId('account-detail')).toHaveJSProperty('tagName', 'BDI')
  // The tray uses the same short names.
  const menu = await page.evaluate(() => window.sellerguard.tray.menu())
  expect(JSON.stringify(menu)).toContain('Seller Central EU (shop@example.com)')
})

test('pinned accounts come first in the list and the tray, and the quick pick copies them first', async ({ page, app }) => {
  await seed(page, [
    { issuer: 'Acme Bank', label: 'treasury' },
    { issuer: 'eBay', label: 'shop' },
    { issuer: 'Etsy', label: 'handmade' },
  ])
  await expect(page.getByTestId('account-name').first()).toHaveText('Acme Bank')
  const etsy = page.getByTestId('code-row').filter({ hasText: 'Etsy' })
  await etsy.getByTestId('pin').click()
  await expect(etsy.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('account-name').first()).toHaveText('Etsy')
  await expect(page.getByRole('heading', { name: /Pinned/ })).toBeVisible()
  const menu = await page.evaluate(() => window.sellerguard.tray.menu())
  expect(menu.ok && menu.value.items.find((i) => i.kind === 'copy')).toMatchObject({ label: 'Etsy (handmade)' })
  // Quick pick: type, Enter copies the first match; a pinned one comes first.
  const search = page.getByLabel('Search accounts')
  await search.fill('e')
  await search.press('Enter')
  await expect(page.getByTestId('toast')).toContainText('Copied')
  const shown = await etsy.getByTestId('code').textContent()
  expect(grouped(await app.clipboardText())).toBe(shown)
})

test('sorting: by name, by issuer, recently used, and back to my order', async ({ page }) => {
  await seed(page, [
    { issuer: 'Zeta Shop', label: 'z' },
    { issuer: 'Alpha Bank', label: 'a' },
    { issuer: 'Mid Market', label: 'm' },
  ])
  const names = () => page.getByTestId('account-name').allTextContents()
  expect(await names()).toEqual(['Zeta Shop', 'Alpha Bank', 'Mid Market'])
  const sort = page.getByLabel('Sort accounts')
  await sort.selectOption('name')
  await expect.poll(names).toEqual(['Alpha Bank', 'Mid Market', 'Zeta Shop'])
  await page.getByTestId('code-row').filter({ hasText: 'Mid Market' }).getByTestId('code').click()
  await sort.selectOption('recent')
  await expect.poll(names).toEqual(['Mid Market', 'Zeta Shop', 'Alpha Bank'])
  await sort.selectOption('manual')
  await expect.poll(names).toEqual(['Zeta Shop', 'Alpha Bank', 'Mid Market'])
  const axe = await new AxeBuilder({ page }).include('.toolbar').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
})

test('enrolment: the added step shows the live code, asks whether the site accepted it, and records the answer', async ({ page, app }, testInfo) => {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  await dialog.getByLabel('Key or otpauth:// link').fill(KEYS[0]!)
  await dialog.getByLabel('Name').fill('sellercentral.amazon.de')
  // Kind and region are asked for, pre-filled from the name.
  await expect(dialog.getByLabel('Kind')).toHaveValue('seller-central')
  await expect(dialog.getByLabel('Amazon region')).toHaveValue('eu')
  await dialog.getByRole('button', { name: 'Add account' }).click()

  const added = page.getByTestId('added-dialog')
  await expect(added.getByTestId('added-code')).not.toHaveText('…')
  expect(totpWindow(KEYS[0]!, Date.now()).map(grouped)).toContain(await added.getByTestId('added-code').textContent())
  await expect(added.locator('.countdown')).toBeVisible()
  await expect(added.getByTestId('backup-method-note')).toContainText('must be a different method')
  await expect(added.getByTestId('backup-method-note')).toContainText('phone number')
  await expect(added.getByRole('group', { name: 'Did the site accept the code?' })).toBeVisible()
  const axe = await new AxeBuilder({ page }).include('[data-testid="added-dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('added-step.png') })

  const before = Date.now()
  await added.getByTestId('accepted').click()
  await expect(added.getByTestId('verified')).toContainText('verified working')
  await page.screenshot({ path: testInfo.outputPath('added-step-verified.png') })
  await added.getByRole('button', { name: 'Done' }).click()

  // The evidence: a date on the account, kept across a restart, shown in the edit dialog.
  const list = await page.evaluate(() => window.sellerguard.accounts.list())
  const account = list.ok ? list.value[0]! : null
  expect(account).toMatchObject({ kind: 'seller-central', region: 'eu' })
  expect(account!.verifiedAt).toBeGreaterThanOrEqual(before - 5000)
  await app.restart()
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await expect(page.getByTestId('account-name')).toHaveText('Seller Central EU')
  await page.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  await expect(page.getByTestId('edit-verified')).toContainText('Verified working on')
})

test('enrolment: "no" explains what to try, and records nothing', async ({ page }) => {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  await dialog.getByLabel('Key or otpauth:// link').fill(`otpauth://totp/GitHub:dev?secret=${KEYS[1]}&issuer=GitHub`)
  await dialog.getByRole('button', { name: 'Add account' }).click()
  const added = page.getByTestId('added-dialog')
  await expect(added.getByText('enter this code on the site')).toBeVisible()
  await expect(added.getByTestId('backup-method-note')).toHaveCount(0)
  await added.getByTestId('rejected').click()
  await expect(added.getByTestId('rejected-help')).toContainText('Wait for the next code')
  await added.getByRole('button', { name: 'Done' }).click()
  const list = await page.evaluate(() => window.sellerguard.accounts.list())
  expect(list.ok && list.value[0]!.verifiedAt).toBeNull()
})

test('copy the next code instead: off by default; on, a copy near the end of a period takes the next code and says so', async ({ page, app }) => {
  // A 16-second period: with "fewer than 15 seconds left" on, all but the first second of each period copies the next code.
  const key = KEYS[2]!
  await page.evaluate((text) => window.sellerguard.accounts.add({ text }), `otpauth://totp/Fast:me?secret=${key}&issuer=Fast&period=16`)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  const toggle = page.getByTestId('copy-next')
  await expect(toggle).not.toBeChecked()
  await toggle.check()
  await page.getByLabel('Seconds left').selectOption('15')
  // Main holds the setting (the copy is made there), not only the screen.
  await expect.poll(() => page.evaluate(async () => {
    const reply = await window.sellerguard.settings.get()
    return reply.ok ? reply.value.copyNextBelowSeconds : null
  })).toBe(15)
  const axe = await new AxeBuilder({ page }).include('.settings').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  // Click well inside the window (not in a period's first second, when the current code still has 15+ s).
  // One condition: two separate waits could pass the second in the next period's first second.
  await expect.poll(() => Date.now() % 16_000 > 2000 && Date.now() % 16_000 < 13_000, { intervals: [100], timeout: 20_000 }).toBe(true)
  const clickedAt = Date.now()
  await page.getByTestId('code').click()
  await expect(page.getByTestId('toast')).toContainText('Copied the next code: the current one was about to expire.')
  expect(await app.clipboardText()).toBe(totp(key, clickedAt + 16_000, 6, 16))
  // The tray follows the same rule.
  const menu = await page.evaluate(() => window.sellerguard.tray.menu())
  const copyId = menu.ok ? menu.value.items.find((i) => i.kind === 'copy')?.id : undefined
  const activation = await page.evaluate((id) => window.sellerguard.tray.activate({ id: id! }), copyId)
  expect(activation).toMatchObject({ ok: true, value: { kind: 'copied', which: 'next' } })
})

test('icon override: a brand from the set, or a local image checked by main', async ({ page }, testInfo) => {
  await seed(page, [{ issuer: 'My Supplier', label: 'orders' }])
  const row = page.getByTestId('code-row')
  await expect(row.locator('[data-badge="letters"]')).toHaveText('MS')
  await row.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  const edit = page.getByTestId('edit-dialog')
  // The dialog is a chunk of its own: axe checks it once it is on screen (before that, axe finds nothing to include).
  await expect(edit).toBeVisible()
  const axe = await new AxeBuilder({ page }).include('[data-testid="edit-dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  await edit.getByRole('radio', { name: 'A brand:' }).check()
  await edit.getByTestId('icon-brand').selectOption('shopify')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(row.locator('[data-brand="shopify"] svg')).toBeVisible()

  // An SVG is refused by main with a clear message; the icon stays.
  await row.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  await edit.getByTestId('icon-file').setInputFiles(path.join(FIXTURES, 'shop.svg'))
  await expect(edit.getByTestId('icon-error')).toHaveText('That file is not a PNG, JPEG or WebP image.')
  // A PNG is kept and shown from a data: URL main built.
  await edit.getByTestId('icon-file').setInputFiles(path.join(FIXTURES, 'shop.png'))
  await expect(edit.getByTestId('icon-error')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('edit-icon.png') })
  await edit.getByRole('button', { name: 'Save' }).click()
  const image = row.locator('img[data-badge="image"]')
  await expect(image).toBeVisible()
  expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48)
})

test('the checklist’s region and the account’s are one: set in either, shown in both', async ({ page }) => {
  const [id] = await seed(page, [{ issuer: 'Amazon', label: 'shop@example.com', kind: 'seller-central', region: null }])
  await page.evaluate((accountId) => window.sellerguard.checklist.setRegion({ accountId: accountId!, region: 'eu' }), id)
  await expect(page.getByTestId('account-name')).toHaveText('Seller Central EU')
  await page.evaluate((accountId) => window.sellerguard.accounts.update({ id: accountId!, region: 'in' }), id)
  await expect(page.getByTestId('account-name')).toHaveText('Seller Central India')
  const view = await page.evaluate(() => window.sellerguard.checklist.get())
  expect(view.ok && view.value.accounts[0]!.region).toBe('in')
})

test('the ⋯ menu of a row holds "Edit account…" and "Code rejected?", by keyboard too', async ({ page }, testInfo) => {
  await seed(page, [{ issuer: 'eBay', label: 'shop-ebay' }])
  const row = page.getByTestId('code-row')
  const button = row.getByRole('button', { name: 'Actions for eBay, shop-ebay' })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: 'Actions for eBay, shop-ebay' })
  await expect(menu).toBeVisible()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(menu.getByRole('menuitem', { name: 'Edit account…' })).toBeFocused()
  // The menu sits in the page's body (not in the list, whose rows move by transforms), right under its button.
  const [at, box] = [(await button.boundingBox())!, (await menu.boundingBox())!]
  expect(Math.abs(box.y - (at.y + at.height + 4))).toBeLessThan(2)
  expect(Math.abs(box.x + box.width - (at.x + at.width))).toBeLessThan(2)
  const axe = await new AxeBuilder({ page }).include('.screen--codes').include('[role="menu"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('row-menu.png') })
  // Arrows move (and wrap); Escape closes and gives focus back to the button.
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Code rejected?' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Edit account…' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(button).toBeFocused()
  // Up opens on the last item: "Code rejected?", which opens the clock's help for this account.
  await page.keyboard.press('ArrowUp')
  await expect(menu.getByRole('menuitem', { name: 'Code rejected?' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('code-help')).toBeVisible()
  await expect(page.getByTestId('code-help-account').locator('option:checked')).toContainText('eBay')
  // The "?" button beside the menu stays.
  await expect(row.getByTestId('row-code-help')).toBeVisible()
})
