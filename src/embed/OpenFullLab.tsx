// "Open full lab ↗": the main app in a new tab at this embed's current moment. The href is rebuilt
// just before it is followed (or copied), so it carries what the reader has done so far.

import type { SyntheticEvent } from 'react'
import { useLabStore } from '../store/LabContext.tsx'
import { appUrl, runOf, shareHash } from '../lab-ui/links/shareLink.ts'

/** `short`: the copy in the metrics strip, shown only when the title row has been dropped (embed.css). */
export function OpenFullLab({ short = false }: { short?: boolean }) {
  const store = useLabStore()
  const current = () => {
    const s = store.getState()
    return appUrl(shareHash(s.scenarioId, runOf(s)))
  }
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = current()
  }
  return (
    <a href={current()} target="_blank" rel="noopener" onPointerDown={refresh} onFocus={refresh} onClick={refresh} onContextMenu={refresh} className={`font-medium text-accent underline ${short ? 'embed-open-short text-xs' : 'text-sm'}`} data-testid={short ? 'open-full-lab-short' : 'open-full-lab'}>
      {short ? 'Full lab' : 'Open full lab'}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  )
}
