// Is the page in dark mode right now? Follows the .dark class the app puts on <html>, so it agrees
// with every theme source (system, the switch) without knowing about them.

import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

const isDark = () => document.documentElement.classList.contains('dark')

export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false)
}
