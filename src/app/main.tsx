// Entry point of the app (index.html). Routes may have work to finish before the first render (an
// LMS package connects to its LMS); on the site that is nothing and the app renders at once.

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles.css'
import { App } from './App.tsx'
import { bootRoutes } from './routes.ts'

void bootRoutes().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
