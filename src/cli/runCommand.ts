// `sim run` and `sim list`: run a scenario headless and print a report (or one JSON object).

import { DEFAULT_CONFIG, MAX_SERVERS } from '../sim/config.ts'
import { lab } from '../sim/harness.ts'
import { report, type RunReport } from '../sim/report.ts'
import { SCENARIOS, SCENARIO_LIST, isScenarioId } from '../sim/scenarios/index.ts'
import { isLbProductId, policyName, policyUnder, productById } from '../sim/products/registry.ts'
import { LB_PRODUCT_IDS, POLICY_IDS, STORAGE_KINDS, type PolicyId, type StorageKind } from '../sim/types.ts'
import { CliError, intArg, numberArg, one, parseArgs } from './args.ts'

export interface CliResult {
  stdout: string
  stderr: string
  code: number
}

export function listCommand(): CliResult {
  const width = Math.max(...SCENARIO_LIST.map((s) => s.id.length))
  return { stdout: SCENARIO_LIST.map((s) => `${s.id.padEnd(width)}  ${s.title}`).join('\n') + '\n', stderr: '', code: 0 }
}

export function runCommand(args: readonly string[]): CliResult {
  const p = parseArgs(args, { values: ['scenario', 'seed', 'minutes', 'lb', 'policy', 'storage', 'servers'], flags: ['json'] })
  const id = one(p, 'scenario')
  if (id === undefined) throw new CliError('run needs --scenario ID (see `list`)')
  if (!isScenarioId(id)) throw new CliError(`unknown scenario "${id}" (see \`list\`)`)
  const lb = one(p, 'lb')
  if (lb !== undefined && !isLbProductId(lb)) throw new CliError(`unknown load balancer "${lb}" (one of: ${LB_PRODUCT_IDS.join(', ')})`)
  const policy = one(p, 'policy')
  if (policy !== undefined && !(POLICY_IDS as readonly string[]).includes(policy)) {
    throw new CliError(`unknown policy "${policy}" (one of: ${POLICY_IDS.join(', ')})`)
  }
  const storage = one(p, 'storage')
  if (storage !== undefined && !(STORAGE_KINDS as readonly string[]).includes(storage)) {
    throw new CliError(`unknown storage "${storage}" (one of: ${STORAGE_KINDS.join(', ')})`)
  }
  const seed = intArg(p, 'seed', -2147483648, 2147483647)
  const servers = intArg(p, 'servers', 1, MAX_SERVERS)
  const minutes = numberArg(p, 'minutes', 0.01, 24 * 60)

  const sc = SCENARIOS[id]
  // An explicit --policy the load balancer can't express is refused; the scenario's own policy falls
  // back to the product's stand-in, with a note on stderr (products/registry.ts policyUnder).
  const product = productById(lb ?? sc.config.lb ?? DEFAULT_CONFIG.lb)
  const fit = policyUnder(product.id, (policy as PolicyId | undefined) ?? sc.config.policy ?? DEFAULT_CONFIG.policy)
  if (fit.problem !== null && policy !== undefined) throw new CliError(`--policy ${policy} under --lb ${product.id}: ${fit.problem}`)
  const note = fit.problem !== null ? `note: the scenario's policy under ${product.label}: ${fit.problem}\n` : ''
  const b = lab().scenario(id)
  if (lb !== undefined) b.config({ lb: product.id })
  if (seed !== undefined) b.seed(seed)
  if (policy !== undefined) b.policy(policy as PolicyId)
  if (storage !== undefined) b.storage(storage as StorageKind)
  if (servers !== undefined) b.servers(servers)
  const state = b.run(minutes !== undefined ? Math.round(minutes * 60_000) : sc.durationMs)
  const r = report(state, id)
  if (p.flags.has('json')) return { stdout: JSON.stringify(r) + '\n', stderr: note, code: 0 }
  return { stdout: formatReport(r, sc.title), stderr: note, code: 0 }
}

/** The report as `sim run` prints it (also `npm run real`). */
export function formatReport(r: RunReport, title: string): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const lines = [
    `${r.scenario} — ${title}`,
    `seed ${r.seed}, ${(r.simulatedMs / 1000).toFixed(1)} s simulated`,
    `load balancer      ${productById(r.lb).label}: ${policyName(r.lb, r.policy) ?? r.policy}`,
    '',
    `requests           ${r.requests.total} (ok ${r.requests.ok}, failed ${r.requests.failed}, retried ${r.requests.retried})`,
    `unexpected logouts ${r.unexpectedLogouts}`,
    `carts lost         ${r.cartsLost}`,
    `sessions lost      ${r.sessionsLost}`,
    `duplicate orders   ${r.duplicateOrders}`,
    `affinity remaps    ${r.affinityRemaps}`,
    `revoked token ok'd ${r.revokedTokenAccepted}`,
    `latency            p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms`,
    `imbalance          ${r.imbalance.toFixed(2)} (max ÷ mean load, last minute)`,
    '',
    'server  status    requests  utilisation  sessions',
    ...r.servers.map((s) => `${s.id.padEnd(8)}${s.status.padEnd(10)}${String(s.requests).padStart(8)}  ${pct(s.utilization).padStart(11)}  ${String(s.sessions).padStart(8)}`),
  ]
  return lines.join('\n') + '\n'
}
