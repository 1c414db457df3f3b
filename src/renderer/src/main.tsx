import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { installApi } from './bridge/api'
import { startStore } from './store'
import './styles.css'

// Marks for the renderer benchmark (bench/renderer-bench.mjs): cheap, and visible in DevTools.
performance.mark('sg:script-start')
installApi()
void startStore().then(() => performance.mark('sg:store-loaded'))
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
