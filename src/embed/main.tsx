// Entry point of embed.html: one lab, minimal chrome, for iframes on course pages and blogs.
// Loading @open-iframe-resizer/core is all the child side of auto-height needs: it answers hosts
// that opt in (their `initialize()` posts an init message) and stays silent otherwise.

import '@open-iframe-resizer/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles.css'
import './embed.css'
import { EmbedApp } from './EmbedApp.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp search={window.location.search} />
  </StrictMode>,
)
