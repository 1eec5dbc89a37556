// "On this page": the lesson's h2/h3 headings (ids fixed at build time), with the section being read
// marked. A sticky sidebar on wide screens, a collapsible list on small ones.

import { useEffect, useState } from 'react'
import { href } from '../../app/router.ts'
import type { TocEntry } from '../../course/catalog.ts'

export function useActiveHeading(ids: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(null)
  useEffect(() => {
    let frame = 0
    const update = () => {
      frame = 0
      let current: string | null = null
      for (const id of ids) {
        const el = document.getElementById(id)
        if (el && el.getBoundingClientRect().top < 140) current = id
      }
      setActive(current)
    }
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [ids])
  return active
}

export function Toc({ slug, entries, active, variant }: { slug: string; entries: readonly TocEntry[]; active: string | null; variant: 'sidebar' | 'inline' }) {
  const list = (
    <ol className="lesson-toc-list">
      {entries.map((e) => (
        <li key={e.id} data-depth={e.depth}>
          <a href={href(`/learn/${slug}`, undefined, e.id)} aria-current={active === e.id ? 'location' : undefined}>
            {e.text}
          </a>
        </li>
      ))}
    </ol>
  )
  if (variant === 'inline') {
    return (
      <details className="lesson-toc-inline">
        <summary>On this page</summary>
        <nav aria-label="On this page (contents)">{list}</nav>
      </details>
    )
  }
  return (
    <nav aria-label="On this page" className="lesson-toc-sidebar">
      <p className="lesson-toc-title">On this page</p>
      {list}
    </nav>
  )
}
