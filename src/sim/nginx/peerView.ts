// What a balancer may know about the peers at the moment it picks, plus the plain-data explanation lines.

import type { UpstreamServer } from './upstream.ts'

/** The peers as seen by one pick: the config, and which peers are inside their fail_timeout window. */
export interface PeerView {
  readonly servers: readonly UpstreamServer[]
  /** True while nginx would skip the peer (fails >= max_fails within fail_timeout). `down` is servers[i].down. */
  isFailed(index: number): boolean
  /** nginx refreshes the peer's `checked` stamp when it selects it; peerViewAt() wires this to PeerHealth. */
  onSelected?(index: number): void
}

export type ExplainKind = 'key' | 'hash' | 'ring' | 'skip' | 'fallback' | 'round-robin' | 'retry' | 'pick' | 'none'

/** One sentence of "why this server", shown to learners. `server` is the peer index the line is about. */
export interface ExplainLine {
  kind: ExplainKind
  text: string
  server: number | null
}

export type SkipReason = 'tried' | 'down' | 'failed'

/** Why nginx would pass over peer `i` for this request (checked in nginx's order), or null if usable. */
export function skipReason(view: PeerView, tried: ReadonlySet<number>, i: number): SkipReason | null {
  if (tried.has(i)) return 'tried'
  if (view.servers[i]?.down) return 'down'
  if (view.isFailed(i)) return 'failed'
  return null
}

export function skipText(reason: SkipReason): string {
  switch (reason) {
    case 'tried':
      return 'was already tried by this request'
    case 'down':
      return 'is marked down'
    case 'failed':
      return 'is failing (disabled for fail_timeout)'
  }
}

export function explainLine(kind: ExplainKind, text: string, server: number | null = null): ExplainLine {
  return { kind, text, server }
}

/** nginx gives up hashing after this many unusable picks in one request and falls back to round robin. */
export const MAX_HASH_TRIES = 20

/** One hashing try: a peer picked, or nginx gives up hashing for this request ('round-robin'). */
export type HashPickResult = { kind: 'picked'; index: number } | { kind: 'round-robin' }
