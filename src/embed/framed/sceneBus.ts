// A lesson scene shown by the embed tells the host API when it was answered: the scene publishes,
// the host API (a lazy chunk that may start later) listens. Answers published before anyone
// listens are dropped — the host subscribed to `sceneAnswered` after they happened.

import type { EventData } from './hostApi/client.ts'

type Answer = EventData['sceneAnswered']
const listeners = new Set<(a: Answer) => void>()

export function publishSceneAnswer(a: Answer): void {
  for (const f of listeners) f(a)
}

export function onSceneAnswer(f: (a: Answer) => void): () => void {
  listeners.add(f)
  return () => listeners.delete(f)
}
