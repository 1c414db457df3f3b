import { test, expect } from './fixtures'

test('the start asks for the codes with the lock status, one round trip, not after its reply', async ({ page }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  await expect(page.getByTestId('code')).toHaveCount(1)
  // What the reloaded page sends before main's first reply reaches it.
  const sentBeforeReply: string[] = []
  let replied = false
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => void (!replied && sentBeforeReply.push(JSON.parse(String(frame.payload)).method)))
    socket.on('framereceived', (frame) => void ('id' in JSON.parse(String(frame.payload)) && (replied = true)))
  })
  await page.reload()
  await expect(page.getByTestId('code')).toHaveCount(1)
  expect(replied).toBe(true)
  expect(sentBeforeReply).toEqual(expect.arrayContaining(['lock.status', 'accounts.list', 'codes.frames', 'clock.status', 'vault.status', 'backup.status', 'storage.status']))
  await expect(page.getByTestId('error-region')).toBeEmpty()
})
