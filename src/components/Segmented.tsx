// A segmented control: a radio group styled as buttons (arrow keys move between options).

import { useId } from 'react'

export interface SegmentOption<T extends string> {
  value: T
  label: string
  hint?: string
}

export function Segmented<T extends string>({ label, value, options, onChange, hideLabel = false }: { label: string; value: T | null; options: readonly SegmentOption<T>[]; onChange(v: T): void; hideLabel?: boolean }) {
  const name = useId()
  return (
    <fieldset className="min-w-0">
      <legend className={hideLabel ? 'sr-only' : 'mb-1 text-xs font-semibold uppercase tracking-wide text-muted'}>{label}</legend>
      <div className="inline-flex flex-wrap rounded-lg border border-line bg-soft p-0.5">
        {options.map((o) => (
          <label key={o.value} title={o.hint} className="relative cursor-pointer">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="peer absolute inset-0 z-10 m-0 cursor-pointer appearance-none opacity-0" />
            <span className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted peer-checked:bg-card peer-checked:text-ink peer-checked:shadow-sm peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-accent">
              {o.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
