// Set the tab title after the app shell has set its generic one for the route (effects of one
// commit run child-first, so a plain effect here would be overwritten by the shell's).

import { useEffect } from 'react'

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title === null) return
    let live = true
    queueMicrotask(() => {
      if (live) document.title = `${title} · Sticky Sessions Lab`
    })
    return () => {
      live = false
    }
  }, [title])
}
