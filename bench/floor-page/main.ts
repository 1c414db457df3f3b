/// <reference lib="dom" />
/**
 * The start-up bench's page floor: the least a React page can take here.
 * React and React DOM, the app's own versions, render one element that
 * looks like a code row; no store, no contract, no server round trip.
 */
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(createElement('div', { 'data-testid': 'code' }, '123 456'))
