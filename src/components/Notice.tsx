// A plain message banner (what could not be read, what happened instead). Text only — nothing from
// the URL is ever rendered as HTML.

import type { ReactNode } from 'react'

export function Notice({ tone = 'info', title, children, onDismiss }: { tone?: 'info' | 'warn'; title: string; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div role={tone === 'warn' ? 'alert' : 'status'} className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${tone === 'warn' ? 'border-warn bg-card' : 'border-line bg-card'}`} data-testid="notice">
      <span aria-hidden="true" className={tone === 'warn' ? 'text-warn' : 'text-accent'}>
        {tone === 'warn' ? '⚠' : 'ℹ'}
      </span>
      <div className="flex-1">
        <p className="font-semibold">{title}</p>
        <div className="text-muted">{children}</div>
      </div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="text-muted hover:text-ink" aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  )
}
