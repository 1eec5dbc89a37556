// #/: one sentence, the lab with "scale out and users get logged out" ready to play, and the way on.

import { LANDING_SCENARIO } from '../../lab-ui/engine.ts'
import { LabProvider } from '../../store/LabContext.tsx'
import { Lab } from '../../lab-ui/Lab.tsx'

export default function HomePage() {
  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Why do users get logged out when you add servers?</h1>
        <p className="mt-2 text-muted">
          Twelve shoppers, three servers, sessions kept in each server’s memory and a load balancer that spreads requests evenly. Press <strong>Play</strong> and watch the
          unexpected logouts climb — then switch to <strong>Sticky</strong> or <strong>Stateless</strong> and see what each one fixes, and what it costs.
        </p>
      </header>
      <LabProvider init={{ scenario: LANDING_SCENARIO }}>
        <Lab picker={false} label="Lab: scale out and users get logged out" />
      </LabProvider>
      <nav aria-label="Next steps" className="flex flex-wrap gap-3 text-sm">
        <a className="rounded-md border border-line bg-card px-3 py-2 hover:bg-soft" href="#/lab">
          All 19 scenarios in the full lab →
        </a>
      </nav>
    </div>
  )
}
