// The LMS connection as the lesson pages show it: nothing while all is well (or when there is no
// LMS at all), one short notice when the LMS can't be used and progress stays in this browser.
// Framework-free (the bridge loads before React renders); LmsNotice.tsx reads it.

import { createStore } from 'zustand/vanilla'
import type { LmsProblem } from '../../../lms/session.ts'

interface LmsStatus {
  problem: LmsProblem | null
  dismissed: boolean
  report(p: LmsProblem): void
  dismiss(): void
}

export const lmsStatus = createStore<LmsStatus>((set, get) => ({
  problem: null,
  dismissed: false,
  // The first problem is the one to explain; later ones add nothing the learner can act on.
  report: (problem) => {
    if (get().problem === null) set({ problem })
  },
  dismiss: () => set({ dismissed: true }),
}))

export const PROBLEM_TEXT: Record<LmsProblem, { title: string; body: string }> = {
  unavailable: { title: 'Your course system isn’t recording this lesson', body: 'It did not answer as expected. The lesson works as usual and your progress is saved in this browser.' },
  unreadable: { title: 'Your saved place could not be read', body: 'The course system handed back progress this lesson can’t use, so it carries on from what this browser remembers.' },
  'too-large': { title: 'Your progress is too large for the course system', body: 'It is kept in this browser instead; the course system still gets your status and score.' },
  failing: { title: 'Your course system stopped accepting progress', body: 'The lesson carries on and your progress is saved in this browser.' },
}
