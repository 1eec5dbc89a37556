// WordPress's embed height message, child side. When WordPress embeds a page through oEmbed it adds
// `#?secret=<random>` to the frame's URL (and sandbox="allow-scripts"); its wp-embed script on the
// post page then sets the frame's height (clamped to 200–1000 px) from {message: 'height', value,
// secret} sent by the frame whose secret matches. We send it on start, when our height changes, and
// when the parent says {message: 'ready'} (its script loaded after us). See docs/EMBED_API.md.

import { wordpressSecret } from '../sizeToContent.ts'
import { contentHeight, watchHeight } from './measure.ts'

export { wordpressSecret }

export function startWordPressHeight(win: Window): () => void {
  const secret = wordpressSecret(win.location.hash)
  const parent = win.parent
  if (!secret || parent === win) return () => {}
  let height = 0
  const send = () => {
    try {
      parent.postMessage({ message: 'height', value: height, secret }, '*')
    } catch {
      /* parent gone */
    }
  }
  const onMessage = (e: MessageEvent) => {
    const d = e.data as { message?: unknown; secret?: unknown } | null
    if (e.source === parent && typeof d === 'object' && d !== null && d.message === 'ready' && d.secret === secret) {
      height = contentHeight(win.document)
      send()
    }
  }
  win.addEventListener('message', onMessage)
  const stop = watchHeight(win, (h) => {
    height = h
    send()
  })
  return () => {
    win.removeEventListener('message', onMessage)
    stop()
  }
}
