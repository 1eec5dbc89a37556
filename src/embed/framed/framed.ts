// Everything an embed does only inside a host page, loaded lazily (after the lab is on screen, and
// only when framed): the auto-resize protocols hosts already run (H5P's resizer, WordPress's embed
// height message), the child side of the opt-in @open-iframe-resizer script (importing it is all it
// needs: it answers hosts whose initialize() keeps posting an init message, and stays silent
// otherwise) and, when the embed names trusted origins (`origins=`), the host API.

import '@open-iframe-resizer/core'
import type { LabStore } from '../../store/labStore.ts'
import { startHostApi } from './hostApi/host.ts'
import { readOrigins } from './hostApi/origins.ts'
import { startH5pResizer } from './resize/h5p.ts'
import { startWordPressHeight } from './resize/wordpress.ts'

export function startFramed(win: Window, store: LabStore): () => void {
  const stops = [startH5pResizer(win), startWordPressHeight(win)]
  const { origins, rejected } = readOrigins(new URLSearchParams(win.location.search))
  // For the site owner, not the reader: the console says why the host API is off or narrower.
  if (rejected.length > 0) console.warn(`Sticky Sessions Lab: ignored origins= entries that are not origins: ${rejected.join(', ')}`)
  if (origins.length > 0) {
    const api = startHostApi(win, store, origins)
    stops.push(() => api.stop())
  }
  return () => stops.forEach((stop) => stop())
}
