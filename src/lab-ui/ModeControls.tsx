// The toggle the product is about — Sticky vs Stateless — and the two detailed pickers behind it.
// Sticky is any routing that pins users with sessions in server memory (cookie, ip_hash, a hash, a
// header, ClientIP); Stateless is routing free to pick any server with sessions outside them; the
// line under the toggle names the kind, or the mix (store/design.ts). Changes apply to the running
// simulation as interventions at the current moment; "Scenario defaults" restarts with the
// scenario's own design. Each picker's choice is explained in words, with its glossary entry.

import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import { STORAGE_KINDS, type PolicyId, type StorageKind } from '../sim/types.ts'
import { Button } from '../components/Button.tsx'
import { Segmented } from '../components/Segmented.tsx'
import { Select } from '../components/Select.tsx'
import { designKind, designSummary } from '../store/design.ts'
import { designChanged } from '../store/designSwitch.ts'
import { modeOf } from '../store/labStore.ts'
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

/** `part`: the whole block, only the toggle (compact layouts keep it by the stage), or the rest: the design's name and the pickers. */
export function ModeControls({ part = 'all' }: { part?: 'all' | 'toggle' | 'pickers' }) {
  const store = useLabStore()
  const mode = useLab((s) => modeOf(s.sim))
  const policy = useLab((s) => s.sim.config.policy)
  const storage = useLab((s) => s.sim.config.storage)
  const carts = useLab((s) => s.sim.config.jwt.carts)
  const describe = useLab((s) => ROUTING_POLICIES[s.sim.config.policy].describe(s.sim.config))
  const changed = useLab(designChanged)
  const servers = useLab((s) => s.sim.servers.filter((x) => x.status !== 'removed').length)
  const { intervene, setMode, restoreDefaults } = store.getState()
  const design = { policy, storage, jwt: { carts } }
  const kind = designKind(design)
  // AWSALB is the ALB's cookie; under the other products the cookie is explained in general.
  const lb = useLab((s) => s.sim.config.lb)
  const policyTerm = policy === 'cookie' && lb !== 'alb' ? COOKIE_TERM : POLICY_TERMS[policy]
  const storageTerm = STORAGE_TERMS[storage]
  return (
    <div className="flex flex-col gap-3" data-mode-controls data-part={part}>
      <div className={`flex flex-wrap items-end gap-x-3 gap-y-1 ${part === 'pickers' ? 'hidden' : ''}`}>
        <Segmented
          label="Design"
          value={mode === 'custom' ? null : mode}
          onChange={(m) => setMode(m)}
          options={[
            { value: 'sticky', label: 'Sticky', hint: 'Any affinity that pins users, with sessions in server memory (one click: the load balancer’s own affinity)' },
            { value: 'stateless', label: 'Stateless', hint: 'Routing free to pick any server, with sessions outside them (one click: round robin + shared store)' },
          ]}
        />
        <Button size="sm" look="ghost" onClick={restoreDefaults} disabled={!changed} title="Restart at 0:00 with the design this lab opened with: the scenario’s own, plus any settings its link or lesson gave it" className="mb-1">
          Scenario defaults
        </Button>
      </div>
      <p className={`-mt-1 flex items-start gap-1 text-sm text-muted ${part === 'toggle' ? 'hidden' : ''}`} data-testid="design-kind-line">
        <span data-testid="design-kind">{designSummary(design, servers)}</span>
        {kind !== 'mixed' && <Explain id={DESIGN_TERMS[kind]} label={kind === 'sticky' ? 'Sticky session' : 'Stateless service'} className="-my-0.5" />}
      </p>
      <div className={`grid gap-3 sm:grid-cols-2 ${part === 'toggle' ? 'hidden' : ''}`}>
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
    </div>
  )
}
