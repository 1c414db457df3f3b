import { expect, test } from './fixtures'

const MiB = 1024 * 1024

/** Issue 13 §3: the file limit is the transport's: a file over it is refused in the renderer with its size, one at it is answered by main. */
test('a file over the limit is refused before it is sent; one at the limit reaches main and the socket stays open', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  const input = page.getByLabel('Export file')
  await input.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(17 * MiB, 'a') })
  const error = page.getByTestId('import-error')
  await expect(error).toHaveText('The file “huge.txt” is too large (17.0 MB, at most 16 MB).')

  // 16 MiB of control characters: as JSON text it would be six times larger, so it goes as base64 and fits.
  await input.setInputFiles({ name: 'at-limit.txt', mimeType: 'text/plain', buffer: Buffer.alloc(16 * MiB, 1) })
  // Main's own answer (not a known export), not the renderer's refusal and not a closed socket.
  await expect(error).toHaveText(/^(?!.*(too large|disconnected|connection)).+$/i, { timeout: 30_000 })
  expect(await page.evaluate(() => window.sellerguard.app.info())).toMatchObject({ ok: true })
})
