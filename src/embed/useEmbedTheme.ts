// The embed's theme comes from its `theme` parameter (never from storage, which sandboxed hosts
// block): light, dark, or auto = follow the reader's system setting, live.

import { useEffect } from 'react'
import { applyTheme } from '../store/prefs.ts'
import type { EmbedTheme } from '../lab-ui/links/embedParams.ts'

export function useEmbedTheme(theme: EmbedTheme): void {
  useEffect(() => {
    const pref = theme === 'auto' ? 'system' : theme
    applyTheme(pref)
    if (pref !== 'system') return
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const follow = () => applyTheme('system')
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [theme])
}
