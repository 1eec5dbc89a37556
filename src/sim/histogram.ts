// Latency histogram: exact 1 ms buckets below 256 ms, 4 ms up to 1.28 s, 32 ms up to 10 s, then one
// overflow bucket. O(1) to record, small enough (3 KB) to copy with every server snapshot.

import type { Histogram } from './types.ts'

const FINE = 256
const MID = 1280
const COARSE = 10_000
const BUCKETS = FINE + (MID - FINE) / 4 + Math.ceil((COARSE - MID) / 32) + 1

function bucketOf(ms: number): number {
  if (ms < FINE) return ms < 0 ? 0 : Math.floor(ms)
  if (ms < MID) return FINE + Math.floor((ms - FINE) / 4)
  if (ms < COARSE) return FINE + (MID - FINE) / 4 + Math.floor((ms - MID) / 32)
  return BUCKETS - 1
}

function lowerBound(bucket: number): number {
  if (bucket < FINE) return bucket
  const mid = FINE + (MID - FINE) / 4
  if (bucket < mid) return FINE + (bucket - FINE) * 4
  if (bucket < BUCKETS - 1) return MID + (bucket - mid) * 32
  return COARSE
}

export function createHistogram(): Histogram {
  return { counts: new Uint32Array(BUCKETS), total: 0 }
}

export function cloneHistogram(h: Histogram): Histogram {
  return { counts: h.counts.slice(), total: h.total }
}

export function record(h: Histogram, ms: number): void {
  h.counts[bucketOf(ms)]! += 1
  h.total += 1
}

/** The latency at percentile `p` (0..1), in ms (bucket lower bound); 0 when empty. */
export function percentile(h: Histogram, p: number): number {
  if (h.total === 0) return 0
  const rank = Math.max(1, Math.ceil(p * h.total))
  let seen = 0
  for (let i = 0; i < BUCKETS; i++) {
    seen += h.counts[i]!
    if (seen >= rank) return lowerBound(i)
  }
  return COARSE
}
