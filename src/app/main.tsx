// Entry point of the app (index.html). Routes may have work to finish before the first render (an
// LMS package connects to its LMS); on the site that is nothing and the app renders at once. After
// that, the built site sets up its offline copy (a lazy chunk; never inside an LMS package, which
// its LMS serves, nor from file://).

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles.css'
import { App } from './App.tsx'
import { bootRoutes } from './routes.ts'

void bootRoutes().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  if (import.meta.env.PROD && 'serviceWorker' in navigator) import('./offline/registerOffline.ts').then((m) => m.registerOffline(), () => {})
})
