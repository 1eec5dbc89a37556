// Entry point of embed.html: one lab, minimal chrome, for iframes on course pages and blogs. What
// only matters inside a host page (auto-height, the host API) loads later: framed/framed.ts.

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
