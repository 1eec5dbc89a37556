// "Show answer": the one big action on the question side.

import { Kbd } from './Kbd.tsx'

export function RevealButton({ onReveal, shortcuts }: { onReveal(): void; shortcuts: boolean }) {
  return (
    <button type="button" onClick={onReveal} className="flex min-h-14 items-center justify-center gap-3 rounded-xl bg-accent px-4 text-lg font-semibold text-accent-ink hover:brightness-110">
      Show answer {shortcuts && <Kbd>Space</Kbd>}
    </button>
  )
}
