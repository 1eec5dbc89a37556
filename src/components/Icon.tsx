// A handful of inline SVG icons (system fonts don't all have ⏮ ⏸ ⏭ glyphs). Decorative: the button
// around an icon carries the accessible name.

const PATHS = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
  stepForward: 'M5 4.5v15l10-7.5zM16.5 4.5h3v15h-3z',
  stepBack: 'M19 4.5v15L9 12zM4.5 4.5h3v15h-3z',
  reset: 'M12 5a7 7 0 1 1-6.6 4.7l1.9.7A5 5 0 1 0 12 7v3L7.5 6 12 2z',
  bolt: 'M13.5 2 5 13.5h6L9.5 22 19 9.5h-6.2z',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  )
}
