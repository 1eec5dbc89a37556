// Buttons: one primitive, a few looks. Always a real <button> (keyboard and screen readers for free).

import type { ButtonHTMLAttributes } from 'react'

type Look = 'primary' | 'secondary' | 'ghost' | 'danger'

const LOOKS: Record<Look, string> = {
  primary: 'bg-accent text-accent-ink hover:brightness-110 border border-accent',
  secondary: 'bg-card text-ink border border-line hover:bg-soft',
  ghost: 'text-ink hover:bg-soft border border-transparent',
  danger: 'bg-card text-bad border border-bad hover:bg-soft',
}

export function Button({ look = 'secondary', size = 'md', className = '', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { look?: Look; size?: 'sm' | 'md' }) {
  const pad = size === 'sm' ? 'px-2 py-1 text-xs' : 'px-3 py-1.5 text-sm'
  return (
    <button
      type="button"
      className={`inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${pad} ${LOOKS[look]} ${className}`}
      {...rest}
    />
  )
}
