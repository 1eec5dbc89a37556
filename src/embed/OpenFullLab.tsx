// "Open full lab ↗": the main app in a new tab at this embed's current moment. The href is rebuilt
// just before it is followed (or copied), so it carries what the reader has done so far.
//
// Writing the moment into the link needs the compressor (encode.ts, lz-string), which a reader who
// never follows the link doesn't need: it loads when the link is pointed at, focused or pressed. A
// click that comes before it has loaded waits for it and opens the tab itself (still within the
// click's user activation), so the link always carries the moment.

import { type MouseEvent, type SyntheticEvent } from 'react'
import type { LabStore } from '../store/labStore.ts'
import { useLabStore } from '../store/LabContext.tsx'
import { appUrl, runOf } from '../lab-ui/links/shareLink.ts'
import { encoderNow, loadEncoder } from '../lab-ui/links/encoder.ts'

function currentUrl(store: LabStore): string {
  const s = store.getState()
  const encoder = encoderNow()
  return appUrl(encoder ? encoder.shareHash(s.scenarioId, runOf(s)) : `#/lab?scenario=${encodeURIComponent(s.scenarioId)}`)
}

/** `short`: the copy in the metrics strip, shown only when the title row has been dropped (embed.css). */
export function OpenFullLab({ short = false }: { short?: boolean }) {
  const store = useLabStore()
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    const link = e.currentTarget
    if (!encoderNow()) void loadEncoder().then(() => (link.href = currentUrl(store)), () => {})
    link.href = currentUrl(store)
  }
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (encoderNow()) return refresh(e)
    e.preventDefault()
    void loadEncoder().then(
      () => window.open(currentUrl(store), '_blank', 'noopener'),
      () => window.open(currentUrl(store), '_blank', 'noopener'),
    )
  }
  return (
    <a
      href={currentUrl(store)}
      target="_blank"
      rel="noopener"
      onPointerEnter={refresh}
      onPointerDown={refresh}
      onFocus={refresh}
      onClick={follow}
      onContextMenu={refresh}
      className={`font-medium text-accent underline ${short ? 'embed-open-short text-xs' : 'text-sm'}`}
      data-testid={short ? 'open-full-lab-short' : 'open-full-lab'}
    >
      {short ? 'Full lab' : 'Open full lab'}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  )
}
