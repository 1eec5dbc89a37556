// The design's name under the Design toggle and the two detailed pickers behind it: where sessions
// live and how the load balancer routes (with the load balancer itself), each choice explained in
// words with its glossary entry. Changes apply to the running simulation as interventions at the
// current moment. Part of LabPageParts.tsx (loaded on demand): a compact lab shows it below the
// first screen or in an embed's "More controls" sheet, a desk lab in its side column.

import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import { STORAGE_KINDS, type PolicyId, type StorageKind } from '../sim/types.ts'
import { Select } from '../components/Select.tsx'
import { designKind } from '../store/design.ts'
import { designSummary } from '../store/designSummary.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { Explain } from './Explain.tsx'
import { LbPicker } from './LbPicker.tsx'
import { PolicyOptions } from './PolicyOptions.tsx'
import { COOKIE_TERM, DESIGN_TERMS, POLICY_TERMS, STORAGE_TERMS } from './jargon/terms.ts'

const STORAGE_LABEL: Record<StorageKind, string> = {
  memory: 'Server memory',
  shared: 'Shared store (Redis-like, ≈1 ms)',
  database: 'Database (≈5 ms)',
  jwt: 'JWT token (+ carts in memory)',
}

const STORAGE_DESCRIPTION: Record<StorageKind, string> = {
  memory: 'each server keeps the sessions of the users it served, in its own memory',
  shared: 'one store every server reaches over the network, like Redis: any server can answer anyone',
  database: 'the application’s database holds sessions: durable and shared, a little slower',
  jwt: 'identity travels in a signed token the browser sends; carts stay in server memory',
}

/** Rendered inside ModeControls' block (embed.css styles the design line as its direct child). */
export function ModePickers() {
  const store = useLabStore()
  const policy = useLab((s) => s.sim.config.policy)
  const storage = useLab((s) => s.sim.config.storage)
  const carts = useLab((s) => s.sim.config.jwt.carts)
  const describe = useLab((s) => ROUTING_POLICIES[s.sim.config.policy].describe(s.sim.config))
  const servers = useLab((s) => s.sim.servers.filter((x) => x.status !== 'removed').length)
  // A Sticky/Stateless press whose routing code is still on its way (labStore.setMode): say so, not the old design's name.
  const pending = useLab((s) => s.pendingMode)
  const { intervene } = store.getState()
  const design = { policy, storage, jwt: { carts } }
  const kind = designKind(design)
  // AWSALB is the ALB's cookie; under the other products the cookie is explained in general.
  const lb = useLab((s) => s.sim.config.lb)
  const policyTerm = policy === 'cookie' && lb !== 'alb' ? COOKIE_TERM : POLICY_TERMS[policy]
  const storageTerm = STORAGE_TERMS[storage]
  return (
    <>
      <p className="-mt-1 flex items-start gap-1 text-sm text-muted" data-testid="design-kind-line">
        <span data-testid="design-kind">{pending ? `Switching to ${pending === 'sticky' ? 'Sticky' : 'Stateless'} — loading the load balancer’s routing…` : designSummary(design, servers)}</span>
        {kind !== 'mixed' && !pending && <Explain id={DESIGN_TERMS[kind]} label={kind === 'sticky' ? 'Sticky session' : 'Stateless service'} className="-my-0.5" />}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <LbPicker />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Select<StorageKind> label="Where do sessions live?" value={storage} onChange={(v) => intervene({ kind: 'setStorage', storage: v })}>
            {STORAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {STORAGE_LABEL[k]}
              </option>
            ))}
          </Select>
          <p className="flex items-start gap-1 text-xs text-muted" data-picker-note>
            <span data-testid="storage-description">{STORAGE_DESCRIPTION[storage]}</span>
            <Explain id={storageTerm.id} label={storageTerm.word} className="-my-1" />
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Select<PolicyId> label="How does the LB route?" value={policy} onChange={(v) => intervene({ kind: 'setPolicy', policy: v })}>
            <PolicyOptions lb={lb} />
          </Select>
          <p className="flex items-start gap-1 text-xs text-muted" data-picker-note>
            <span data-testid="policy-description">{describe}</span>
            {policyTerm && <Explain id={policyTerm.id} label={policyTerm.word} className="-my-1" />}
          </p>
        </div>
      </div>
    </>
  )
}
