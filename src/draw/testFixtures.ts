// Shared fixtures for the stage's unit tests: three anchors on a line and one plain request.

import type { SimRequest } from '../sim/types.ts'
import type { Anchors } from './geometry.ts'

export const anchors: Anchors = {
  user: () => ({ x: 0, y: 0 }),
  lb: { x: 100, y: 0 },
  server: (id) => ({ A: { x: 200, y: 0 }, B: { x: 200, y: 100 } })[id as 'A' | 'B'],
}

export const base: SimRequest = {
  v: 0, id: 1, user: 0, kind: 'browse', attempt: 1, sentAt: 1000, lbAt: 1040, intent: 0,
  refused: [], server: 'A', serverAt: 1042, startAt: 1042, doneAt: 1102, lbBackAt: 1104, receivedAt: 1144,
  outcome: 'ok', status: 200, decision: '', explain: [], detail: '', affinity: null, pinned: false, retry: 'route', sets: null, seq: 1, item: 1,
}
