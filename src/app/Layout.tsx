// The page frame: skip link, header with the product name, navigation and the theme switch.

import type { ReactNode } from 'react'
import { NAV } from './routes.ts'
import { ThemeSwitch } from './ThemeSwitch.tsx'

export function Layout({ current, children }: { current: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" onClick={skipToMain} className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-card">
        {/* Phones: the name and the theme on one row, the navigation on the next (never three rows: the lab needs the screen). */}
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 max-md:px-3 max-md:py-1.5">
          <a href="#/" className="flex items-center gap-2 font-semibold tracking-tight">
            <img src="./favicon.svg" alt="" width={24} height={24} />
            Sticky Sessions Lab
          </a>
          <nav aria-label="Main" className="flex flex-wrap gap-1 max-md:order-last max-md:-mx-1 max-md:w-full max-md:flex-nowrap max-md:overflow-x-auto">
            {NAV.map((item) => (
              <a
                key={item.id}
                href={item.href}
                aria-current={current === item.id ? 'page' : undefined}
                className="shrink-0 rounded px-3 py-1.5 text-sm font-medium text-muted hover:bg-soft hover:text-ink aria-[current=page]:bg-soft aria-[current=page]:text-ink max-md:px-2.5 max-md:py-1"
              >
                {item.label}
              </a>
            ))}
          </nav>
          <div className="ml-auto">
            <ThemeSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </div>
  )
}

// Hash routing owns "#…", so the skip link moves focus itself instead of navigating.
function skipToMain(e: React.MouseEvent) {
  e.preventDefault()
  document.getElementById('main')?.focus()
}
