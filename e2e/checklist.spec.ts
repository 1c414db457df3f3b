import AxeBuilder from '@axe-core/playwright'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const openChecklist = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()

test('the checklist: evidence that says what it checked, ticks and notes persist, review dates come due', async ({ page, app }, testInfo) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  await openChecklist(page)
  const account = page.getByTestId('checklist-account')
  await expect(account).toHaveCount(1)
  // A key in the keychain is not a key the site accepted: nobody confirmed it, so it is not green.
  const authenticator = account.locator('[data-item-id="authenticator-app"]')
  await expect(authenticator).toHaveAttribute('data-status', 'todo')
  await expect(authenticator).toContainText('Did the site accept the code?')
  // Once the user confirms a code was accepted, it is checked, and says exactly what was checked.
  await page.evaluate(async () => {
    const list = await window.sellerguard.accounts.list()
    if (list.ok) await window.sellerguard.accounts.confirmWorking({ id: list.value[0]!.id })
  })
  await expect(authenticator).toHaveAttribute('data-status', 'verified')
  await expect(authenticator).toContainText('you confirmed that the site accepted a code from it')
  // The clock, the backup, the habit, the app lock and screen privacy are this computer's, once.
  const computer = page.getByTestId('checklist-computer')
  await expect(computer.locator('[data-item-id="recent-backup"]')).toHaveAttribute('data-status', 'failing')
  await expect(account.locator('[data-item-id="recent-backup"]')).toHaveCount(0)
  // Checked by SellerGuard from the app lock's state: off by default.
  await expect(computer.locator('[data-item-id="app-lock"]')).toHaveAttribute('data-status', 'failing')

  // Tick a bank item by hand, then write a note and press Enter: the tick and its date stay.
  const bank = account.locator('[data-item-id="bank-review"]')
  await bank.getByRole('checkbox').check()
  await expect(bank).toHaveAttribute('data-status', 'done')
  await bank.getByRole('button', { name: 'Bank details reviewed recently' }).click()
  await expect(bank).toContainText('Amazon help (sellercentral.amazon.com, page 851): Bank account information')
  await bank.getByRole('textbox', { name: /^Note for/ }).fill('Checked with the bank letter')
  await bank.getByRole('textbox', { name: /^Note for/ }).press('Enter')
  await expect(bank).toHaveAttribute('data-status', 'done')
  await page.screenshot({ path: testInfo.outputPath('checklist.png'), fullPage: true })

  await page.reload()
  await openChecklist(page)
  const again = page.locator('[data-testid="checklist-account"] [data-item-id="bank-review"]')
  await expect(again).toHaveAttribute('data-status', 'done')
  await expect(again).toContainText('Note: Checked with the bank letter')

  // Time passes: the tick was made long ago (as if a year had gone by), so it is due for review.
  const file = path.join(app.dataDir, 'checklist.json')
  const doc = JSON.parse(readFileSync(file, 'utf8'))
  for (const accountState of Object.values(doc.data.accounts) as Array<{ items: Record<string, { at: number }> }>) {
    for (const item of Object.values(accountState.items)) item.at -= 400 * 86_400_000
  }
  writeFileSync(file, JSON.stringify(doc))
  await app.restart()
  await openChecklist(page)
  const due = page.locator('[data-testid="checklist-account"] [data-item-id="bank-review"]')
  await expect(due).toHaveAttribute('data-status', 'due')
  await expect(due).toContainText('Due for review')
  // Editing the note of a due item keeps it due (the defect: it turned "done" with a new date).
  await due.getByRole('button', { name: 'Bank details reviewed recently' }).click()
  await due.getByRole('textbox', { name: /^Note for/ }).fill('Asked the bank again')
  await due.getByRole('textbox', { name: /^Note for/ }).blur()
  await expect(due).toHaveAttribute('data-status', 'due')

  // The report a seller can keep starts with what is left.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export HTML' }).click()
  const report = await downloading
  const out = testInfo.outputPath('report.html')
  await report.saveAs(out)
  const html = readFileSync(out, 'utf8')
  expect(html).toContain('Asked the bank again')
  expect(html.indexOf('What’s left')).toBeLessThan(html.indexOf('<h2>This computer</h2>'))
  const reportPage = await page.context().newPage()
  await reportPage.setContent(html)
  await reportPage.screenshot({ path: testInfo.outputPath('report.png'), fullPage: false })
  await reportPage.close()
})

test('"What’s left": a tick keeps the focus on the next item, and the arrow keys move between items', async ({ page }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  await openChecklist(page)
  await page.getByLabel('What’s left').check()
  const account = page.getByTestId('checklist-account')
  const contact = account.getByRole('checkbox', { name: 'Phone number and email are yours and verified (Amazon Seller Central)' })
  await contact.focus()
  await page.keyboard.press('Space')
  await expect(account.locator('[data-item-id="contact-details"]')).toHaveCount(0)
  await expect(account.getByRole('checkbox', { name: /^A deposit method is added and verified/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(account.getByRole('checkbox', { name: /^Bank details reviewed recently/ })).toBeFocused()
  // One tab stop per list: the other rows' checkboxes are out of the Tab order.
  expect(await account.locator('input[type="checkbox"][tabindex="0"]').count()).toBe(1)
})

test('a damaged checklist file and its previous version: start fresh, the damaged file is kept, the view refreshes', async ({ page, app }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  const file = path.join(app.dataDir, 'checklist.json')
  writeFileSync(file, '{"schemaVersion":2,"data":{"acc')
  writeFileSync(`${file}.bak`, 'garbage')
  await app.restart()
  // Every other screen says it in the storage banner.
  await expect(page.locator('[data-testid="file-banner"][data-file="checklist"]')).toBeVisible()
  await openChecklist(page)
  const banner = page.getByTestId('checklist-problem')
  await expect(banner).toContainText('it is damaged, and so is its previous version')
  await expect(banner).not.toContainText('JSON')
  await expect(banner.getByRole('button', { name: 'Use previous version' })).toHaveCount(0)
  // Said once: the storage banner leaves the checklist file to this screen's own banner.
  await expect(page.getByTestId('file-banner')).toHaveCount(0)
  await banner.getByRole('button', { name: 'Start fresh (the damaged file is kept)' }).click()
  await expect(banner).toHaveCount(0)
  const bank = page.locator('[data-testid="checklist-account"] [data-item-id="bank-review"]')
  await bank.getByRole('checkbox').check()
  await expect(bank).toHaveAttribute('data-status', 'done')
  // No error and no banner is left: the error region is always in the page, empty.
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0)
  await expect(page.getByTestId('error-region')).toHaveText('')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('file-banner')).toHaveCount(0)
})

test('300 accounts: collapsed cards, search and jump, axe-clean, at 720×480 and 1440×900 in both themes', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  // Imported as four otpauth lists (one per kind): one vault change each, as a seller moving 300 accounts in would.
  await page.evaluate(async () => {
    const kinds = ['seller-central', 'kdp', 'associates', 'other'] as const
    const names = ['Aardvark Shop', 'Eden Goods', 'متجر الشرق', '🦊 Fox & Co', 'A'.repeat(90), '\u202Emoc.nozama\u202C Books']
    const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    for (const [k, kind] of kinds.entries()) {
      const lines: string[] = []
      for (let i = k; i < 300; i += 4) {
        const issuer = encodeURIComponent(`${names[i % names.length]} ${i}`)
        const key = `JBSWY3DPEHPK3PXP${b32[i % 32]}${b32[Math.floor(i / 32) % 32]}QQQQQQ`
        lines.push(`otpauth://totp/${issuer}:seller${i}%40example.com?secret=${key}&issuer=${issuer}`)
      }
      const preview = await window.sellerguard.transfer.preview({ file: { name: `${kind}.txt`, encoding: 'text', data: lines.join('\n') } })
      if (!preview.ok) throw new Error(preview.error.message)
      const added = await window.sellerguard.transfer.confirm({ previewId: preview.value.previewId, indexes: preview.value.entries.map((_, n) => n), kind })
      if (!added.ok) throw new Error(added.error.message)
    }
  })
  await openChecklist(page)
  const cards = page.getByTestId('checklist-account')
  await expect(cards).toHaveCount(300)
  // This computer's items and the 300 accounts' (as the screenshots show them): counts with thousands separators.
  await expect(page.getByTestId('checklist-overall')).toContainText(/of 2,705 items done .*this computer and 300 accounts/)
  // Closed: only the summaries are drawn (and this computer's five items).
  await expect(page.getByTestId('checklist-item')).toHaveCount(5)
  await page.getByLabel('Find an account').fill('seller3@example.com')
  await expect(cards).toHaveCount(1)
  await expect(cards.first()).toContainText('🦊 Fox & Co 3')
  await page.getByLabel('Find an account').fill('')
  const eden = (await cards.nth(1).getAttribute('id'))!.replace('checklist-account-', '')
  await page.getByLabel('Jump to account').selectOption(eden)
  await expect(cards.nth(1)).toHaveAttribute('open', '')
  await expect(cards.nth(1).locator('summary')).toBeFocused()
  // An open account costs a few Tab stops, not one per control per item (the defect: about 22).
  const tabStops = await cards.nth(1).locator('summary, select, input:not([tabindex="-1"]), button:not([tabindex="-1"])').count()
  expect(tabStops).toBeLessThanOrEqual(4)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await testInfo.attach('checklist-300-figures', { body: JSON.stringify({ accounts: 300, scrollHeightPx: height, tabStopsOpenKdpAccount: tabStops }), contentType: 'application/json' })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [width, height] of [
      [720, 480],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath(`checklist-300-${width}x${height}-${scheme}.png`) })
      await cards.nth(1).locator('summary').scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath(`checklist-300-${width}x${height}-${scheme}-open.png`) })
    }
    const results = await new AxeBuilder({ page }).include('.screen').withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  }
  // A long name wraps inside its card: the count stays visible.
  const long = cards.filter({ hasText: 'A'.repeat(90) }).first()
  await long.scrollIntoViewIfNeeded()
  const box = await long.boundingBox()
  const count = await long.locator('.account-card__count').boundingBox()
  expect(count && box && count.x + count.width <= box.x + box.width).toBe(true)
})

test('a checklist change carries no view: the Checklist screen asks for it, open or not', async ({ page }) => {
  // What main pushes: only when the checklist changed (at 1,050 accounts the view is 835 KB, read for nothing on the Codes screen).
  await page.evaluate(() => {
    const seen: string[][] = []
    ;(window as unknown as { changes: string[][] }).changes = seen
    window.sellerguard.on('checklist.changed', (change) => seen.push(Object.keys(change)))
  })
  const changes = () => page.evaluate(() => (window as unknown as { changes: string[][] }).changes)
  // Added on the Codes screen: the Checklist screen, opened after, shows it.
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  await expect.poll(async () => (await changes()).length).toBeGreaterThan(0)
  expect(new Set((await changes()).map((keys) => keys.join(',')))).toEqual(new Set(['evaluatedAt']))
  await openChecklist(page)
  const cards = page.getByTestId('checklist-account')
  await expect(cards).toHaveCount(1)
  // Added while it is open: it shows up, and so does a tick made elsewhere.
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'KDP', kind: 'kdp' }))
  await expect(cards).toHaveCount(2)
  await page.evaluate(async () => {
    const list = await window.sellerguard.accounts.list()
    const kdp = list.ok ? list.value.find((a) => a.issuer === 'KDP') : undefined
    if (kdp) await window.sellerguard.checklist.setItem({ accountId: kdp.id, itemId: 'contact-details', done: true })
  })
  await expect(page.locator('[data-testid="checklist-account"] [data-item-id="contact-details"][data-status="done"]')).toHaveCount(1)
  // Removed on the Codes screen: gone from the checklist when it opens again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await page.evaluate(async () => {
    const list = await window.sellerguard.accounts.list()
    const kdp = list.ok ? list.value.find((a) => a.issuer === 'KDP') : undefined
    if (kdp) await window.sellerguard.accounts.remove({ id: kdp.id })
  })
  await openChecklist(page)
  await expect(cards).toHaveCount(1)
  await expect(cards).toContainText('Amazon Seller Central')
})
