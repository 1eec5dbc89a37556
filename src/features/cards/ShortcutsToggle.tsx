// The page's switch for single-key shortcuts; the same app-wide preference the lab uses.

import { usePrefs } from '../../store/prefs.ts'
import { Toggle } from '../../components/Toggle.tsx'

export function ShortcutsToggle() {
  const on = usePrefs((p) => p.shortcuts)
  const set = usePrefs((p) => p.setShortcuts)
  return <Toggle label="Keyboard shortcuts" checked={on} onChange={set} hint="Space, 1–4 and U while the card has focus" />
}
