import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { totpNow } from './helpers/totp'

/* Import as a first-class way in: from the Codes screen and its empty state, by dropping a file, with a preview that says what each account is. */

const LINKS = [
  'otpauth://totp/Walmart:seller%40example.com?secret=KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA&issuer=Walmart',
  'otpauth://totp/Bank:me%40example.com?secret=ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO&issuer=Bank&algorithm=SHA256&digits=8&period=60',
  'otpauth://hotp/VPN:ops?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=VPN&counter=7',
]

async function dropFile(page: Page, name: string, content: string) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text!], fileName!, { type: 'text/plain' }))
      return transfer
    },
    [name, content],
  )
  await page.getByTestId('codes-screen').dispatchEvent('drop', { dataTransfer })
}

test('the empty state offers import, lists the formats, and the preview names the product and each account’s settings', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('links.txt')
  writeFileSync(file, `${LINKS.join('\n')}\n`)
  await page.getByTestId('empty-state').getByRole('button', { name: 'Import accounts' }).click()
  const chooser = page.getByTestId('import-file-dialog')
  for (const product of ['Aegis', '2FAS', 'Google Authenticator', 'Bitwarden', 'Ente Auth', 'KeePass / KeePassXC', 'SellerGuard backup']) {
    await expect(chooser.getByTestId('import-formats')).toContainText(product)
  }
  await chooser.getByLabel('Export file').setInputFiles(file)

  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByRole('heading')).toHaveText('Import from otpauth:// links')
  const entries = dialog.getByTestId('import-entry')
  await expect(entries).toHaveCount(3)
  await expect(entries.filter({ hasText: 'Walmart' })).toContainText('TOTP · SHA1 · 6 digits · 30 s')
  await expect(entries.filter({ hasText: 'Bank' })).toContainText('TOTP · SHA256 · 8 digits · 60 s')
  await expect(entries.filter({ hasText: 'VPN' })).toContainText('HOTP · SHA1 · 6 digits · counter 7')
  await page.screenshot({ path: testInfo.outputPath('import-preview-params.png') })

  // Select all, both ways.
  const all = dialog.getByLabel('Select all (3)')
  await expect(all).toBeChecked()
  await all.uncheck()
  await expect(dialog.getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled()
  await entries.filter({ hasText: 'Bank' }).getByRole('checkbox').check()
  await expect(all).not.toBeChecked()
  await all.check()
  await dialog.getByLabel('Put them in a group (optional)').fill('Moved in')
  await dialog.getByRole('button', { name: 'Import 3 accounts' }).click()
  await expect(page.getByTestId('toast')).toContainText('Added 3 accounts')
  const groups = await page.evaluate(async () => {
    const list = await window.sellerguard.accounts.list()
    return list.ok ? list.value.map((a) => a.group) : []
  })
  expect(groups).toEqual(['Moved in', 'Moved in', 'Moved in'])
})

test('a file dropped anywhere on the Codes screen is imported; the header offers import too', async ({ page }, testInfo) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO')
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await expect(page.getByTestId('codes-screen').getByRole('button', { name: 'Import accounts' })).toBeVisible()

  await dropFile(page, 'links.txt', LINKS[0]!)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByRole('heading')).toHaveText('Add the scanned account')
  await expect(dialog.getByTestId('import-params')).toHaveText('TOTP · SHA1 · 6 digits · 30 s')
  // One account: its group can be set here as in the Add dialog.
  await dialog.getByLabel('Group (optional)').fill('Marketplaces')
  await dialog.getByRole('button', { name: 'Add account' }).click()
  await expect(page.getByTestId('added-dialog').getByTestId('added-code')).toHaveText(totpNow('KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA'))
  await page.getByTestId('added-dialog').getByRole('button', { name: 'Done' }).click()
  const walmart = await page.evaluate(async () => {
    const list = await window.sellerguard.accounts.list()
    return list.ok ? list.value.find((a) => a.issuer === 'Walmart') : undefined
  })
  expect(walmart).toMatchObject({ group: 'Marketplaces', label: 'seller@example.com' })

  // A dropped file that is not an export: the reason, in the import dialog, and nothing added.
  await dropFile(page, 'notes.txt', 'shopping list: milk, eggs')
  await expect(page.getByTestId('import-file-dialog').getByTestId('import-error')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('import-drop-error.png') })
  await page.getByTestId('import-file-dialog').getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('code-row')).toHaveCount(2)
})
