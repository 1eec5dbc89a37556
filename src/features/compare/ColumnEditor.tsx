// Free choice for one column: the load balancer, routing policy, where sessions live, and the options
// that matter for a lesson. A policy the column's load balancer lacks is listed but not offered; picking
// another load balancer moves the policy to that product's stand-in (products/registry.ts). A change replaces this column's run at the current moment (with the interventions so
// far replayed), so it stays in step with the others.

import { useId, type ReactNode } from 'react'
import { LB_PRODUCT_IDS, LB_PRODUCTS, policyUnder, STORAGE_KINDS, type LbProductId, type PolicyId, type StorageKind } from '../../lab-ui/engine.ts'
import { PolicyOptions } from '../../lab-ui/PolicyOptions.tsx'
import { designOptions, type Design } from './design.ts'
import { useEditSetup } from './useEditSetup.ts'

const STORAGE_LABEL: Record<StorageKind, string> = {
  memory: 'Server memory',
  shared: 'Shared store',
  database: 'Database',
  jwt: 'JWT (+ carts in memory)',
}
const TTLS = [10, 60, 300, 3_600, 86_400] as const
const SERVERS = [2, 3, 4, 5, 6, 8, 10] as const

/** A change to a design; `undefined` (or false) removes an option. */
type DesignPatch = { [K in keyof Design]?: Design[K] | undefined }

/** `lb`: the load balancer the column runs (the design's, or else its scenario's). */
export function ColumnEditor({ index, design, lb }: { index: number; design: Design; lb: LbProductId }) {
  const { setDesign } = useEditSetup()
  const n = index + 1
  const change = (patch: DesignPatch) => {
    const next: Record<string, unknown> = { ...design, ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === false) delete next[k]
    setDesign(index, next as unknown as Design)
  }
  const options = designOptions(design)
  return (
    <div className="flex items-end gap-2">
      <div className="grid min-w-0 flex-1 grid-cols-3 gap-2">
        <MiniSelect label="Load balancer" n={n} value={lb} onChange={(v) => change({ lb: v as LbProductId, policy: policyUnder(v as LbProductId, design.policy).policy })}>
          {LB_PRODUCT_IDS.map((id) => (
            <option key={id} value={id} title={LB_PRODUCTS[id].label}>
              {LB_PRODUCTS[id].short}
            </option>
          ))}
        </MiniSelect>
        <MiniSelect label="Routing" n={n} value={design.policy} onChange={(v) => change({ policy: v as PolicyId })}>
          <PolicyOptions lb={lb} />
        </MiniSelect>
        <MiniSelect label="Sessions" n={n} value={design.storage} onChange={(v) => change({ storage: v as StorageKind, ...(v === 'jwt' ? {} : { denyList: undefined }) })}>
          {STORAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {STORAGE_LABEL[k]}
            </option>
          ))}
        </MiniSelect>
      </div>
      {/* The options open over the column (a popover), so a closed editor stays one row tall. */}
      <details className="relative shrink-0 pb-1.5 text-xs">
        <summary className="cursor-pointer text-muted" title={options.length > 0 ? options.join(', ') : undefined}>
          Options{options.length > 0 ? ` (${options.length})` : ''}
        </summary>
        <div className="absolute right-0 z-20 mt-2 grid w-72 grid-cols-2 gap-2 rounded-lg border border-line bg-card p-2 shadow-lg">
          <MiniSelect label="Affinity TTL" n={n} value={design.ttlS === undefined ? '' : String(design.ttlS)} onChange={(v) => change({ ttlS: v === '' ? undefined : Number(v) })}>
            <option value="">Scenario’s</option>
            {TTLS.map((t) => (
              <option key={t} value={t}>
                {t < 60 ? `${t} s` : t < 3_600 ? `${t / 60} min` : t < 86_400 ? `${t / 3_600} h` : `${t / 86_400} day`}
              </option>
            ))}
          </MiniSelect>
          <MiniSelect label="Servers" n={n} value={design.servers === undefined ? '' : String(design.servers)} onChange={(v) => change({ servers: v === '' ? undefined : Number(v) })}>
            <option value="">Scenario’s</option>
            {SERVERS.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </MiniSelect>
          <Check label="Idempotency keys on checkout" n={n} checked={design.idempotency === true} onChange={(on) => change({ idempotency: on })} />
          {design.storage === 'jwt' && <Check label="JWT deny list" n={n} checked={design.denyList === true} onChange={(on) => change({ denyList: on })} />}
        </div>
      </details>
    </div>
  )
}

/** A labelled select whose accessible name says which design it belongs to ("Routing (design 2)"). */
function MiniSelect({ label, n, value, onChange, children }: { label: string; n: number; value: string; onChange(v: string): void; children: ReactNode }) {
  const id = useId()
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-[11px] font-semibold uppercase tracking-wide text-muted">
        {label}
        <span className="sr-only"> (design {n})</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="w-full min-w-0 rounded-md border border-line bg-card px-1.5 py-1 text-sm text-ink">
        {children}
      </select>
    </div>
  )
}

function Check({ label, n, checked, onChange }: { label: string; n: number; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="col-span-2 flex items-center gap-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-[var(--color-accent)]" />
      <span>
        {label}
        <span className="sr-only"> (design {n})</span>
      </span>
    </label>
  )
}
