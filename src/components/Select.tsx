// A labelled native select (the most accessible picker there is).

import { useId, type ReactNode } from 'react'

export function Select<T extends string>({ label, value, onChange, children, className = '', hideLabel = false }: { label: string; value: T; onChange(v: T): void; children: ReactNode; className?: string; hideLabel?: boolean }) {
  const id = useId()
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-xs font-semibold uppercase tracking-wide text-muted'}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} className="w-full min-w-0 rounded-md border border-line bg-card px-2 py-1.5 text-sm text-ink">
        {children}
      </select>
    </div>
  )
}
