// Light / dark / system theme switch (a labelled select: simple, keyboard-friendly, screen-reader clear).

import { prefs, usePrefs, type ThemePref } from '../store/prefs.ts'

export function ThemeSwitch() {
  const theme = usePrefs((p) => p.theme)
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      <span className="max-md:sr-only">Theme</span>
      <select
        value={theme}
        onChange={(e) => prefs.getState().setTheme(e.target.value as ThemePref)}
        className="rounded border border-line bg-card px-2 py-1 text-ink"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
