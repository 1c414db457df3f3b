import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { totpNow } from './helpers/totp'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const secret = () => Array.from(randomBytes(20), (b) => ALPHABET[b & 31]).join('')
// More than the page describes in one go (account-views.ts: 150 a slice), so the list comes in over several turns.
const ENTRIES = 400

type Entry = Readonly<{ issuer: string; label: string; secret: string }>
const entries = (n: number, prefix: string): Entry[] => Array.from({ length: n }, (_, i) => ({ issuer: `${prefix} ${i}`, label: `${prefix.toLowerCase()}${i}@example.com`, secret: secret() }))
const uri = (e: Entry) => `otpauth://totp/${encodeURIComponent(e.issuer)}:${encodeURIComponent(e.label)}?secret=${e.secret}&issuer=${encodeURIComponent(e.issuer)}`

async function importList(page: Page, list: readonly Entry[]) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Export file').setInputFiles({ name: 'accounts.txt', mimeType: 'text/plain', buffer: Buffer.from(list.map(uri).join('\n')) })
  const dialog = page.getByTestId('import-dialog')
  await dialog.getByRole('button', { name: `Import ${list.length} accounts` }).click()
  await expect(page.getByTestId('toast')).toContainText(`Added ${list.length} accounts.`, { timeout: 60_000 })
  await expect(dialog).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
}

/** The row of one account, found by its line (the label). */
const rowOf = (page: Page, e: Entry) => page.getByTestId('code-row').filter({ has: page.getByTestId('account-detail').getByText(e.label, { exact: true }) })

/**
 * A big import lands in a list already on screen: the accounts shown keep
 * their rows and codes, and every imported one is there, with its own code,
 * found by search and at the end of the list.
 */
test('after a large import the list shows every account with its own code', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const shown = entries(3, 'Kept')
  await importList(page, shown)
  await expect(page.getByTestId('code-row')).toHaveCount(3)
  await expect(rowOf(page, shown[0]!).getByTestId('code')).toHaveText(totpNow(shown[0]!.secret))

  const incoming = entries(ENTRIES, 'Shop')
  await importList(page, incoming)
  await expect(page.locator('.list-header', { hasText: 'Other' })).toContainText(`${ENTRIES + 3}`)
  // The first rows are the ones shown before, in their order, with their codes.
  await expect(page.getByTestId('code-row').first().getByTestId('account-detail')).toHaveText(shown[0]!.label)
  for (const e of shown) await expect(rowOf(page, e).getByTestId('code')).toHaveText(totpNow(e.secret))
  await page.screenshot({ path: testInfo.outputPath('codes-after-large-import.png') })

  // The last account imported is at the end of the list, with its code.
  const last = incoming.at(-1)!
  await page.getByRole('list', { name: 'Accounts' }).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(rowOf(page, last).getByTestId('code')).toHaveText(totpNow(last.secret))
  await page.screenshot({ path: testInfo.outputPath('codes-after-large-import-end.png') })

  // Search finds any of them, by name.
  const middle = incoming[ENTRIES / 2]!
  await page.getByLabel('Search accounts').fill(middle.issuer)
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await expect(rowOf(page, middle).getByTestId('code')).toHaveText(totpNow(middle.secret))
})
