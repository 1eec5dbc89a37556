// H5P's iframe resizer protocol, child side, so any page that loads H5P's h5p-resizer.js (Moodle,
// WordPress with the H5P plugin, Drupal, …) sizes our frame: we say `hello` (and again when the
// parent announces `ready`); once the parent answers `hello`, each change of our height is sent as
// `prepareResize` {scrollHeight, clientHeight} → the parent answers `resizePrepared` → we send
// `resize` {scrollHeight}. A `resize` from the parent (its window changed size) re-measures. Messages
// are {context: 'h5p', action, …}; only the parent window's are read. See docs/EMBED_API.md.

import { announceSizeToContent } from '../sizeToContent.ts'
import { contentHeight, watchHeight } from './measure.ts'

const CONTEXT = 'h5p'

export function startH5pResizer(win: Window): () => void {
  const parent = win.parent
  if (parent === win) return () => {}
  let friendly = false
  let stopWatching = () => {}
  const send = (action: string, data: Record<string, number> = {}) => {
    try {
      parent.postMessage({ ...data, context: CONTEXT, action }, '*')
    } catch {
      /* parent gone */
    }
  }
  const prepare = () => {
    const h = contentHeight(win.document)
    // clientHeight = the height we want: current resizers shrink the frame to it straight away.
    send('prepareResize', { scrollHeight: h, clientHeight: h })
  }
  const onMessage = (e: MessageEvent) => {
    const d = e.data as { context?: unknown; action?: unknown } | null
    if (e.source !== parent || typeof d !== 'object' || d === null || d.context !== CONTEXT) return
    if (d.action === 'ready') send('hello')
    else if (d.action === 'hello' && !friendly) {
      friendly = true
      // The lab stops fitting the frame: the host sizes the frame to it now.
      announceSizeToContent(win)
      stopWatching = watchHeight(win, prepare)
    } else if (d.action === 'resizePrepared') {
      const h = contentHeight(win.document)
      // `height` for resizers older than the scrollHeight field.
      send('resize', { scrollHeight: h, height: h })
    } else if (d.action === 'resize' && friendly) prepare()
  }
  win.addEventListener('message', onMessage)
  send('hello')
  return () => {
    win.removeEventListener('message', onMessage)
    stopWatching()
  }
}
