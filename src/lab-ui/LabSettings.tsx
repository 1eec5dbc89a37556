// The lab's display settings: reduced motion, and — only where there is a keyboard — the keyboard
// shortcuts switch and their help. Touch screens (no hover, coarse pointer) don't get controls for
// keys they don't have.

import { prefs, usePrefs } from '../store/prefs.ts'
import { Toggle } from '../components/Toggle.tsx'
import { useMediaQuery } from '../components/useMediaQuery.ts'

/** A touch screen with no hover: phones and tablets without a keyboard attached. */
export const TOUCH_ONLY = '(hover: none) and (pointer: coarse)'

export function LabSettings({ onHelp }: { onHelp(): void }) {
  const reduce = usePrefs((p) => p.reduceMotion === 'on')
  const shortcuts = usePrefs((p) => p.shortcuts)
  const touch = useMediaQuery(TOUCH_ONLY)
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Toggle label="Reduce motion" checked={reduce} onChange={(on) => prefs.getState().setReduceMotion(on ? 'on' : 'system')} />
      {!touch && (
        <>
          <Toggle label="Keyboard shortcuts" checked={shortcuts} onChange={(on) => prefs.getState().setShortcuts(on)} />
          <button type="button" onClick={onHelp} className="text-sm text-accent underline" aria-keyshortcuts="?">
            Shortcuts help
          </button>
        </>
      )}
    </div>
  )
}
