// The share-link writer (encode.ts and its compressor, lz-string) on demand: only a reader who shares
// or follows a link needs it, so it stays out of the lab's and the embed's first load (budgets in
// docs/DECISIONS.md). `encoderNow()` is the module once loaded, for handlers that must stay
// synchronous (an href set just before a link is followed); `loadEncoder()` fetches it (once).

import type * as EncodeModule from './encode.ts'

export type Encoder = typeof EncodeModule

let encoder: Encoder | null = null
let loading: Promise<Encoder> | null = null

export function loadEncoder(): Promise<Encoder> {
  loading ??= import('./encode.ts').then(
    (m) => (encoder = m),
    (e: unknown) => {
      loading = null // a failed fetch may be tried again (the next click)
      throw e
    },
  )
  return loading
}

export function encoderNow(): Encoder | null {
  return encoder
}
