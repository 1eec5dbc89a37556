// Reduced motion, from the system setting or the app's own switch. The lab animates in CSS (which
// reads `<html data-motion="reduce">` and the media query itself); code that moves things — the
// request canvas — asks here.

import { useMediaQuery } from '../components/useMediaQuery.ts'
import { usePrefs } from '../store/prefs.ts'

export function useReducedMotion(): boolean {
  const system = useMediaQuery('(prefers-reduced-motion: reduce)')
  const app = usePrefs((p) => p.reduceMotion === 'on')
  return system || app
}
