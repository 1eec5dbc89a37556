// Cram: go through cards in any order as often as you like. It is a session in memory only — it
// never calls the scheduler or touches saved progress, so it can't disturb the spaced repetition.

export interface CramSession {
  /** Cards still to go, current first. */
  readonly queue: readonly string[]
  readonly total: number
  readonly known: number
  /** Cards that needed another look at least once. */
  readonly missed: readonly string[]
}

export function startCram(ids: readonly string[], random: () => number = Math.random): CramSession {
  const queue = [...ids]
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[queue[i], queue[j]] = [queue[j]!, queue[i]!]
  }
  return { queue, total: queue.length, known: 0, missed: [] }
}

/** "Again": the card goes to the back of the line (it comes round once more before the end). */
export function cramAgain(s: CramSession): CramSession {
  const [first, ...rest] = s.queue
  if (first === undefined) return s
  return { ...s, queue: rest.length === 0 ? [first] : [...rest, first], missed: s.missed.includes(first) ? s.missed : [...s.missed, first] }
}

/** "Got it": the card leaves this session. */
export function cramKnown(s: CramSession): CramSession {
  if (s.queue.length === 0) return s
  return { ...s, queue: s.queue.slice(1), known: s.known + 1 }
}
