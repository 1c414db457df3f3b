import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const ENTRIES = 300
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const secret = () => Array.from(randomBytes(32), (b) => ALPHABET[b & 31]).join('')

/**
 * A large import shows how far it has got and can be cancelled; a cancelled
 * import keeps nothing: no account, and (after a restart) no keychain item
 * without an account.
 */
const list = () => Array.from({ length: ENTRIES }, (_, i) => `otpauth://totp/Shop%20${i}:seller${i}%40example.com?secret=${secret()}&issuer=Shop%20${i}`).join('\n')

async function startImport(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Export file').setInputFiles({ name: 'accounts.txt', mimeType: 'text/plain', buffer: Buffer.from(list()) })
  const dialog = page.getByTestId('import-dialog')
  await dialog.getByRole('button', { name: `Import ${ENTRIES} accounts` }).click()
  return dialog
}

test('a large import shows its progress, and Cancel keeps nothing of it', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000)
  const dialog = await startImport(page)

  // Secrets go into the keychain one by one; the dialog counts them.
  const adding = dialog.getByTestId('import-adding')
  await expect(adding.getByText(/^Added [1-9][0-9]* of 300 accounts…$/)).toBeVisible()
  await expect(adding.getByRole('progressbar', { name: 'Accounts added so far' })).toBeVisible()
  // One way to stop it while it runs: the dialog's plain Cancel is gone.
  await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('import-progress.png') })

  await adding.getByRole('button', { name: 'Cancel import' }).click()
  // Removing what it wrote takes as long as writing it did.
  await expect(page.getByTestId('toast')).toContainText('The import was cancelled', { timeout: 30_000 })
  await expect(page.getByTestId('toast')).toContainText('Nothing was imported')
  await expect(dialog).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('import-cancelled.png') })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  // A fresh start finds nothing left behind in the keychain either.
  await app.restart()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  const status = await page.evaluate(async () => {
    for (;;) {
      const reply = await window.sellerguard.vault.retry()
      if (reply.ok && reply.value.state !== 'checking') return reply.value
    }
  })
  expect(status).toMatchObject({ state: 'ready', orphanSecrets: [], total: 0 })
  await expect(page.getByTestId('orphan-secrets')).toHaveCount(0)
})

test('closing the dialog while an import runs cancels it, never leaves it running unseen', async ({ page }) => {
  test.setTimeout(90_000)
  const dialog = await startImport(page)
  await expect(dialog.getByTestId('import-adding').getByText(/^Added [1-9][0-9]* of 300 accounts…$/)).toBeVisible()
  // With few accounts written yet, removing them is quick: the page records the dialog's words as they change, so a
  // short "Cancelling" is seen however briefly it shows.
  await dialog.evaluate((element) => {
    const record = window as unknown as { cancellingSeen: boolean }
    record.cancellingSeen = false
    new MutationObserver(() => {
      if (element.textContent?.includes('Cancelling: removing what was added…')) record.cancellingSeen = true
    }).observe(element, { childList: true, subtree: true, characterData: true })
  })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('toast')).toContainText('Nothing was imported', { timeout: 30_000 })
  // It stayed open, saying what it does, until what was written was removed.
  expect(await page.evaluate(() => (window as unknown as { cancellingSeen: boolean }).cancellingSeen)).toBe(true)
  await expect(dialog).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
})
