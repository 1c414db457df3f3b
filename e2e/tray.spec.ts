import { expect, test } from './fixtures'
import { grouped, totpWindow } from './helpers/totp'

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

test('the tray menu lists accounts without codes, and a click copies the code computed then', async ({ page, app }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Amazon & Co', label: 'eu@example.com' }), KEY)
  const menu = await page.evaluate(() => window.sellerguard.tray.menu())
  expect(menu.ok).toBe(true)
  if (!menu.ok) return
  const labels = JSON.stringify(menu.value.items)
  // The mnemonic character is escaped for Electron, and no code is ever in a label.
  expect(labels).toContain('Amazon && Co')
  expect(labels).not.toMatch(/\d{6}/)
  expect(menu.value.items.map((i) => ('label' in i ? i.label : i.kind))).toEqual(expect.arrayContaining(['Check clock now', 'Open SellerGuard', 'Quit']))
  const copy = menu.value.items.find((i) => i.kind === 'copy')
  expect(copy).toBeTruthy()
  const result = await page.evaluate((id) => window.sellerguard.tray.activate({ id }), copy && 'id' in copy ? copy.id : '')
  expect(result).toMatchObject({ ok: true, value: { kind: 'copied' } })
  expect(totpWindow(KEY, Date.now())).toContain(await app.mainClipboardText())
  // An id that is not in the menu does nothing.
  expect(await page.evaluate(() => window.sellerguard.tray.activate({ id: 'copy:acc_nosuchaccount' }))).toMatchObject({ ok: true, value: { kind: 'not-in-menu' } })
})

test('quick pick: type to filter, Enter copies the first match', async ({ page, app }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP', label: 'author@example.com' }), KEY)
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'KRSXG5CTMVRXE5DF', issuer: 'Bank' }))
  await expect(page.getByTestId('code-row')).toHaveCount(2)
  await page.locator('body').click()
  await page.keyboard.type('kdp')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toast')).toContainText('Copied')
  expect(totpWindow(KEY, Date.now()).map(grouped).map((c) => c.replace(' ', ''))).toContain(await app.clipboardText())
})
