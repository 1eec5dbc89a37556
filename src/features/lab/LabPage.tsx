// #/lab?scenario=…: the full lab. An unknown scenario gets a plain notice and the default scene.
// Optional lb/policy/storage/servers/users override the scene (a flashcard's "Show me"), and a shared
// run (`s=`) too, applied on top of it (the notice says so); `from=<card>` adds a way back to that card.

import { useEffect, useMemo, useRef, useState } from 'react'
import { isScenarioId, LANDING_SCENARIO, type ScenarioId, MAX_SERVERS, MAX_USERS, type ConfigPatch, POLICY_IDS, STORAGE_KINDS, type PolicyId, type StorageKind, type LbProductId, SCENARIOS } from '../../lab-ui/engine.ts'
import { productProblem, readLbParam } from '../../lab-ui/links/lbParam.ts'
import { Notice } from '../../components/Notice.tsx'
import { href, navigate, useRoute } from '../../app/router.ts'
import { LabProvider, useLabStore } from '../../store/LabContext.tsx'
import { Lab } from '../../lab-ui/Lab.tsx'
import { SharedRun } from '../../lab-ui/share/SharedRun.tsx'
import { useShareRequest } from '../../lab-ui/links/useShareRequest.ts'

export default function LabPage() {
  const route = useRoute()
  const query = useQueryWithoutLbEcho(route.query)
  const shared = useShareRequest(query)
  const asked = query.get('scenario')
  const valid: ScenarioId = asked !== null && isScenarioId(asked) ? asked : LANDING_SCENARIO
  // One object per URL: the shared run's loader re-runs when it changes.
  const { overrides, invalid } = useMemo(() => readOverrides(query), [query])
  const substituted = useMemo(() => productProblem(SCENARIOS[valid].config, overrides), [valid, overrides])
  const fromCard = query.get('from')
  const backTo = fromCard !== null && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fromCard) ? fromCard : null
  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <h1 className="sr-only">Sticky Sessions Lab</h1>
      {backTo && (
        <a href={href('/cards', { card: backTo })} className="self-start rounded-md border border-line bg-card px-3 py-2 text-sm font-medium text-accent hover:bg-soft">
          ← Back to your card
        </a>
      )}
      {invalid.length > 0 && (
        <Notice tone="warn" title="Some settings in the link were ignored">
          {invalid.join(' ')} The lab uses the scenario’s own value instead.
        </Notice>
      )}
      {substituted !== null && (
        <Notice tone="warn" title="Not available on this load balancer">
          {substituted}
        </Notice>
      )}
      {asked !== null && !isScenarioId(asked) && (
        <Notice tone="warn" title="Unknown scenario">
          There is no scenario called “{asked}”, so the lab opened “{valid}” instead. Pick another one below.
        </Notice>
      )}
      <LabProvider init={{ ...shared.init, overrides }}>
        <FollowRoute scenario={valid} overrides={overrides} />
        <LbInUrl />
        <SharedRun share={shared} settings={overrides} />
        <Lab onScenarioChange={(id) => navigate(href('/lab', { scenario: id, from: backTo ?? undefined }), { replace: true })} />
      </LabProvider>
    </div>
  )
}

/** When the URL names another scenario (a link was followed), load it into this lab. */
function FollowRoute({ scenario, overrides }: { scenario: ScenarioId; overrides: ConfigPatch }) {
  const store = useLabStore()
  const first = useRef(true)
  const key = JSON.stringify(overrides)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const s = store.getState()
    if (s.scenarioId !== scenario || JSON.stringify(s.overrides) !== key) s.load({ scenario, overrides: JSON.parse(key) as ConfigPatch })
  }, [scenario, key, store])
  return null
}

/** The query the Load balancer picker last wrote into the address bar (LbInUrl): not a navigation. */
let lbEcho: string | null = null

/**
 * The route's query, except that the picker's own rewrite of `lb=` is not a new query: the lab, the
 * shared-run loader and the overrides keep the one they had, so the run is not reloaded.
 */
function useQueryWithoutLbEcho(query: URLSearchParams): URLSearchParams {
  const [kept, setKept] = useState(query)
  const echo = lbEcho !== null && query.toString() === lbEcho
  if (!echo && kept !== query) setKept(query)
  return echo ? kept : query
}

/**
 * The address bar follows the Load balancer picker: when the store's product changes and the address
 * doesn't already say so, `lb=` is rewritten in place (history.replaceState), so a reload or a copied
 * address opens the lab under that product. Changes that came from the address (a followed link) are
 * already in it and leave it alone.
 */
function LbInUrl() {
  const store = useLabStore()
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const lb = s.sim.config.lb
        // Only the picker's switch (setLb puts `lb` in the overrides of the same scenario), not a load.
        if (lb === prev.sim.config.lb || s.scenarioId !== prev.scenarioId || s.overrides.lb !== lb) return
        const url = new URL(window.location.href)
        const [path = '', qs = ''] = url.hash.slice(1).split('?')
        if (path !== '/lab') return
        const q = new URLSearchParams(qs)
        if (q.get('lb') === lb) return
        q.set('lb', lb)
        lbEcho = q.toString()
        url.hash = `${path}?${lbEcho}`
        window.history.replaceState(window.history.state, '', url)
      }),
    [store],
  )
  return null
}

/** Read the optional overrides; anything out of range is reported (as plain text) and left out. */
function readOverrides(q: URLSearchParams): { overrides: ConfigPatch; invalid: string[] } {
  const overrides: { lb?: LbProductId; policy?: PolicyId; storage?: StorageKind; servers?: number; users?: number } = {}
  const invalid: string[] = []
  const lb = readLbParam(q)
  if (lb.lb !== undefined) overrides.lb = lb.lb
  if (lb.problem !== null) invalid.push(lb.problem)
  const policy = q.get('policy')
  if (policy !== null) {
    if ((POLICY_IDS as readonly string[]).includes(policy)) overrides.policy = policy as PolicyId
    else invalid.push(`“${policy.slice(0, 40)}” is not a routing policy.`)
  }
  const storage = q.get('storage')
  if (storage !== null) {
    if ((STORAGE_KINDS as readonly string[]).includes(storage)) overrides.storage = storage as StorageKind
    else invalid.push(`“${storage.slice(0, 40)}” is not a session storage kind.`)
  }
  for (const [key, max] of [['servers', MAX_SERVERS], ['users', MAX_USERS]] as const) {
    const v = q.get(key)
    if (v === null) continue
    const n = Number(v)
    if (/^\d+$/.test(v) && n >= 1 && n <= max) overrides[key] = n
    else invalid.push(`${key} must be a whole number from 1 to ${max} (got “${v.slice(0, 20)}”).`)
  }
  return { overrides, invalid }
}
