import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { createClockStore } from './clock-store'

describe('clock.json store', () => {
  const dirs: string[] = []
  const newDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-clock-store-'))
    dirs.push(dir)
    return dir
  }
  afterEach(async () => {
    // The folder must be removable at once: nothing is still being written into it.
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true })))
  })

  it('close waits for a save under way, and nothing is written after it (a check that ends after the app stopped)', async () => {
    const dir = newDir()
    const file = path.join(dir, 'clock.json')
    const store = createClockStore(file, createMemoryLogger())
    expect(await store.load()).toBeNull()
    store.save({ measurement: null, history: [] })
    await store.close()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 1, data: { measurement: null, history: [] } })
    await rm(file)
    store.save({ measurement: null, history: [] })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(existsSync(file)).toBe(false)
  })
})
