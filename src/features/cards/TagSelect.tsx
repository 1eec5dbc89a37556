// A labelled native select of the deck's tags (with card counts), sized for touch like the search box.

import { useId } from 'react'
import { DECK, deckTags } from './deck.ts'

const TAGS = deckTags(DECK)

export function TagSelect({ label, value, onChange, allLabel, className = '' }: { label: string; value: string; onChange(tag: string): void; allLabel: string; className?: string }) {
  const id = useId()
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-semibold uppercase tracking-wide text-muted">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="min-h-11 w-full rounded-lg border border-line bg-page px-3 text-base text-ink">
        <option value="">{allLabel}</option>
        {TAGS.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.count})
          </option>
        ))}
      </select>
    </div>
  )
}
