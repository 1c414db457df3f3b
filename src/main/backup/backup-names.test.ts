import { describe, expect, it } from 'vitest'
import { backupFileName, backupTime, beyondKeep, isBackupTemp, newestFirst } from './backup-names'

describe('automatic backup names', () => {
  it('are time-stamped in UTC, without characters Windows or sync services refuse, and read back', () => {
    const at = Date.UTC(2026, 4, 1, 12, 3, 4, 56)
    expect(backupFileName(at)).toBe('sellerguard-auto-2026-05-01T12-03-04-056Z.sgbackup')
    expect(backupFileName(at)).not.toMatch(/[:\\/*?"<>|]/)
    expect(backupTime(backupFileName(at))).toBe(at)
  })

  it('only names of exactly that form count: the user’s own files are never listed or rotated', () => {
    const foreign = ['notes.txt', 'sellerguard-auto-2026-05-01.sgbackup', 'sellerguard-auto-2026-13-01T12-00-00-000Z.sgbackup', 'Sellerguard-auto-2026-05-01T12-00-00-000Z.sgbackup', 'sellerguard-auto-2026-05-01T12-00-00-000Z.sgbackup.bak']
    for (const name of foreign) expect(backupTime(name), name).toBeNull()
    const ours = [1, 3, 2].map((d) => backupFileName(Date.UTC(2026, 0, d)))
    expect(newestFirst([...foreign, ...ours])).toEqual([ours[1], ours[2], ours[0]])
  })

  it('rotation keeps the newest N and never deletes the last one', () => {
    const names = Array.from({ length: 12 }, (_, i) => backupFileName(Date.UTC(2026, 0, 1, i)))
    expect(beyondKeep(['x.txt', ...names], 10)).toEqual([names[1], names[0]])
    expect(beyondKeep(names, 0)).toHaveLength(11)
    expect(beyondKeep(names.slice(0, 3), 10)).toEqual([])
  })

  it('knows the temp files a crashed write leaves', () => {
    expect(isBackupTemp(`${backupFileName(0)}.4242.1767225600000.tmp`)).toBe(true)
    expect(isBackupTemp('other.tmp')).toBe(false)
    expect(isBackupTemp(backupFileName(0))).toBe(false)
  })
})
