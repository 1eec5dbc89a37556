// One line under a scene or the lab: is this scenario, under this design, replayed on real software
// by `npm run test:real` with the same counters — or simulation only, and why. Read from proof.ts,
// the table the test itself runs, so the badge cannot claim more than CI checks.

import type { LbProductId, PolicyId, StorageKind } from '../../sim/types.ts'
import { useLab } from '../../store/LabContext.tsx'
import { proofFor } from './proof.ts'

export interface ProofBadgeProps {
  readonly scenario: string
  readonly lb: LbProductId
  readonly policy: PolicyId
  readonly storage: StorageKind
  /** Where the app's pages are (a scene embed opens them from the app, in a new tab); the app's own hash by default. */
  readonly appHref?: (hash: string) => string
}

export function ProofBadge(p: ProofBadgeProps) {
  const proof = proofFor(p.scenario, p)
  return (
    <p className="text-xs text-muted" data-testid="proof-badge" data-proven={proof.proven ? 'yes' : 'no'}>
      <span aria-hidden="true">{proof.proven ? '✓ ' : '◇ '}</span>
      {proof.proven ? `Proven on real ${proof.on}` : `Simulation only — ${proof.why}`}{' '}
      <a className="text-accent underline" href={p.appHref ? p.appHref('#/real') : '#/real'} target={p.appHref ? '_blank' : undefined} rel={p.appHref ? 'noopener' : undefined}>
        how real is this?
      </a>
    </p>
  )
}

/** The badge for the lab in the surrounding <LabProvider>: its scenario under the design now running. */
export function LabProofBadge({ appHref }: { appHref?: ((hash: string) => string) | undefined }) {
  const scenario = useLab((s) => s.scenarioId)
  const lb = useLab((s) => s.sim.config.lb)
  const policy = useLab((s) => s.sim.config.policy)
  const storage = useLab((s) => s.sim.config.storage)
  return <ProofBadge scenario={scenario} lb={lb} policy={policy} storage={storage} {...(appHref ? { appHref } : {})} />
}
