// A Mermaid diagram with a caption. Drawn in the browser (Mermaid loads only on pages that have one)
// and redrawn when the theme changes; until then, and if drawing fails, the caption still says
// what the diagram shows. Focusable, because a wide diagram scrolls sideways on a phone.

import { useEffect, useId, useState } from 'react'
import { useDarkMode } from '../useDarkMode.ts'
import { renderDiagram } from './mermaidRender.ts'

type Drawn = { for: string; svg: string } | { for: string; error: true }

export function Diagram({ chart, caption }: { chart: string; caption: string }) {
  const dark = useDarkMode()
  const captionId = useId()
  const key = `${dark ? 'dark' : 'light'}:${chart}`
  const [drawn, setDrawn] = useState<Drawn | null>(null)

  useEffect(() => {
    let live = true
    renderDiagram(chart, dark).then(
      (svg) => live && setDrawn({ for: key, svg }),
      () => live && setDrawn({ for: key, error: true }),
    )
    return () => {
      live = false
    }
  }, [chart, dark, key])

  // While a theme change redraws, keep showing the previous drawing rather than a blank box.
  return (
    <figure className="lesson-figure" data-testid="diagram">
      {drawn && 'svg' in drawn ? (
        <div role="img" tabIndex={0} aria-labelledby={captionId} className="lesson-diagram" data-drawn={drawn.for === key ? 'yes' : 'stale'} dangerouslySetInnerHTML={{ __html: drawn.svg }} />
      ) : drawn && 'error' in drawn ? (
        <p className="lesson-diagram-fallback">This diagram could not be drawn. Its source is below.</p>
      ) : (
        <div className="lesson-diagram-loading" aria-hidden="true">
          Drawing the diagram…
        </div>
      )}
      {drawn && 'error' in drawn && <pre className="lesson-diagram-source">{chart}</pre>}
      <figcaption id={captionId}>{caption}</figcaption>
    </figure>
  )
}
