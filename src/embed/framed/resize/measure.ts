// How tall the embed's content is, whatever the frame's height: the root element's box (the page
// has no viewport-height rules, so a 1-pixel frame — H5P shrinks it while measuring — reads the same).
// Calls back when the content's height changes (a ResizeObserver on the root), once per frame at most.

export function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height)
}

export function watchHeight(win: Window, onChange: (height: number) => void): () => void {
  let last = -1
  let frame = 0
  const check = () => {
    frame = 0
    const h = contentHeight(win.document)
    if (h === last) return
    last = h
    onChange(h)
  }
  const Observer = (win as Window & typeof globalThis).ResizeObserver
  if (!Observer) {
    check()
    return () => {}
  }
  const ro = new Observer(() => {
    if (frame === 0) frame = win.requestAnimationFrame(check)
  })
  ro.observe(win.document.documentElement)
  return () => {
    ro.disconnect()
    if (frame !== 0) win.cancelAnimationFrame(frame)
  }
}
