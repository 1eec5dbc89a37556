// How tall the embed's content is, whatever the frame's height: the root element's box (the page
// has no viewport-height rules, so a 1-pixel frame — H5P shrinks it while measuring — reads the same).
// Calls back at once with the current height, then whenever it changes (a ResizeObserver on the
// root). The first call must not wait for a rendering frame: a host may keep the frame invisible
// until it hears a height (WordPress does), and browsers don't render invisible cross-origin frames.

export function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height)
}

export function watchHeight(win: Window, onChange: (height: number) => void): () => void {
  let last = -1
  const check = () => {
    const h = contentHeight(win.document)
    if (h === last) return
    last = h
    onChange(h)
  }
  check()
  const Observer = (win as Window & typeof globalThis).ResizeObserver
  if (!Observer) return () => {}
  const ro = new Observer(check)
  ro.observe(win.document.documentElement)
  return () => ro.disconnect()
}
