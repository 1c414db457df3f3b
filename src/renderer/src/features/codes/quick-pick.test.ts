import { describe, expect, it } from 'vitest'
import { useStore } from '../../store'

describe('the quick-pick shortcut is a store action', () => {
  it('shows the codes, whatever screen is open, and asks once for the search to be focused', () => {
    useStore.getState().showScreen('settings')
    useStore.getState().quickPick()
    expect(useStore.getState().screen).toBe('codes')
    expect(useStore.getState().searchRequested).toBe(true)
    // The codes screen focuses its search and says so: the request is spent.
    useStore.getState().searchFocused()
    expect(useStore.getState().searchRequested).toBe(false)
    expect(useStore.getState().screen).toBe('codes')
  })

  it('pressing it again on the codes screen asks again', () => {
    useStore.getState().quickPick()
    useStore.getState().searchFocused()
    useStore.getState().quickPick()
    expect(useStore.getState().searchRequested).toBe(true)
  })
})
