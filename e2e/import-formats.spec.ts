import path from 'node:path'
import { expect, test } from './fixtures'
import { IMPORT_FIXTURES } from '../test/helpers/import-fixtures'

const KEEPASS = path.join(IMPORT_FIXTURES, 'keepass')

test('import a KeePassXC database that needs a password and a key file', async ({ page }, testInfo) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  // A binary file reaches main as its bytes, and is known by its signature.
  await page.getByLabel('Export file').setInputFiles(path.join(KEEPASS, 'kdbx4-argon2id-chacha20-keyfile.kdbx'))
  await expect(page.getByTestId('import-error')).toContainText('KeePass database')
  await page.getByLabel('Password of this export').fill('test')
  await page.getByRole('button', { name: 'Open' }).click()
  await expect(page.getByTestId('import-error')).toContainText('password or key file is wrong')
  // The key derivation reports its progress while the worker thread runs it.
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { progress: number[] }).progress = seen
    window.sellerguard.on('transfer.progress', (p) => seen.push(p.fraction))
  })
  await page.getByLabel('Password of this export').fill('test')
  await page.getByTestId('import-key-file').setInputFiles(path.join(KEEPASS, 'kdbx4.keyx'))
  await page.getByRole('button', { name: 'Open' }).click()
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-entry')).toHaveCount(8)
  await expect(dialog).toContainText('2 entries without a one-time code were left out.')
  await expect(dialog).toContainText('1 entry in the recycle bin was left out.')
  expect(await page.evaluate(() => (window as unknown as { progress: number[] }).progress.at(-1))).toBe(1)
  await page.screenshot({ path: testInfo.outputPath('keepass-preview.png') })
  await dialog.getByRole('button', { name: 'Import 8 accounts' }).click()
  await expect(page.getByTestId('toast')).toContainText('Added 8 accounts')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('code-row')).toHaveCount(8)
})
