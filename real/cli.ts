// `npm run real -- --scenario ID …`: the lab's scenario on real software — nginx or HAProxy, Node app
// servers, Redis, PostgreSQL — on 127.0.0.1, with the same report as `npm run sim -- run`.
// Exit status: 0 done (and, with --compare, real = simulated), 1 a difference or a failure (a missing
// program, a process that misbehaved), 2 bad arguments or a design real software cannot play.

import { CliError, intArg, numberArg, one, parseArgs } from '../src/cli/args.ts'
import { formatReport } from '../src/cli/runCommand.ts'
import { SCENARIOS, isScenarioId } from '../src/sim/scenarios/index.ts'
import { LB_PRODUCT_IDS, POLICY_IDS, STORAGE_KINDS, type LbProductId, type PolicyId, type StorageKind } from '../src/sim/types.ts'
import { compareReports, formatComparison } from './compare.ts'
import { Divergence } from './drive/flight.ts'
import { liveLog, quietLog } from './drive/log.ts'
import { makePlan, NotReplayable } from './plan.ts'
import { isLbProductId } from '../src/sim/products/registry.ts'
import { replay, simulate, type ReplayResult } from './replay.ts'
import { MissingProgram } from './stack/binaries.ts'

const USAGE = `usage: npm run real -- --scenario ID [--seed N] [--policy ID] [--storage ID] [--lb nginx|haproxy]
                     [--clock virtual|real] [--speed K] [--json] [--compare] [--hold]

  Replays a scenario on real nginx or HAProxy, Node app servers, Redis and PostgreSQL (127.0.0.1 only).
  --clock virtual  (default) the model's clock: deterministic, a scenario in a few seconds
  --clock real     the wall clock, --speed K times faster (default 1); prints addresses, files, a live log
  --hold           (real clock) keep everything running after the scenario until Ctrl-C
  --compare        real and simulated side by side; exit 1 if they differ
`

export interface CliOutput {
  stdout: string
  stderr: string
  code: number
}

export async function main(argv: readonly string[]): Promise<CliOutput> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { stdout: USAGE, stderr: '', code: argv.length === 0 ? 2 : 0 }
  try {
    const p = parseArgs(argv, { values: ['scenario', 'seed', 'policy', 'storage', 'lb', 'clock', 'speed'], flags: ['json', 'compare', 'hold'] })
    const id = one(p, 'scenario')
    if (id === undefined) throw new CliError('--scenario ID is required (see `npm run sim -- list`)')
    if (!isScenarioId(id)) throw new CliError(`unknown scenario "${id}" (see \`npm run sim -- list\`)`)
    const policy = one(p, 'policy')
    if (policy !== undefined && !(POLICY_IDS as readonly string[]).includes(policy)) throw new CliError(`unknown policy "${policy}" (one of: ${POLICY_IDS.join(', ')})`)
    const storage = one(p, 'storage')
    if (storage !== undefined && !(STORAGE_KINDS as readonly string[]).includes(storage)) throw new CliError(`unknown storage "${storage}" (one of: ${STORAGE_KINDS.join(', ')})`)
    const lb = one(p, 'lb')
    if (lb !== undefined && !isLbProductId(lb)) throw new CliError(`unknown load balancer "${lb}" (one of: ${LB_PRODUCT_IDS.join(', ')}; real software: nginx, haproxy)`)
    const clock = one(p, 'clock') ?? 'virtual'
    if (clock !== 'virtual' && clock !== 'real') throw new CliError(`--clock must be virtual or real, got "${clock}"`)
    const speed = numberArg(p, 'speed', 0.1, 100) ?? 1
    if (p.values.has('speed') && clock !== 'real') throw new CliError('--speed needs --clock real')
    if (p.flags.has('hold') && clock !== 'real') throw new CliError('--hold needs --clock real')
    const seed = intArg(p, 'seed', -2147483648, 2147483647)

    const plan = makePlan({
      scenario: id,
      ...(seed !== undefined ? { seed } : {}),
      ...(policy !== undefined ? { policy: policy as PolicyId } : {}),
      ...(storage !== undefined ? { storage: storage as StorageKind } : {}),
      ...(lb !== undefined ? { lb: lb as LbProductId } : {}),
    })
    const json = p.flags.has('json')
    const title = SCENARIOS[id].title
    let out: CliOutput = { stdout: '', stderr: '', code: 0 }
    // Printed while everything is still up: with --hold, the report comes before the wait for Ctrl-C.
    const print = (result: ReplayResult): void => {
      const header = `on real ${result.plan.lb === 'nginx' ? 'nginx' : 'HAProxy'}${result.plan.redis ? ' + Redis' : ''}${result.plan.postgres ? ' + PostgreSQL' : ''}, ${clock} clock${clock === 'real' ? ` ×${speed}` : ''}, ${(result.wallMs / 1000).toFixed(1)} s`
      if (!p.flags.has('compare')) {
        out = json ? { stdout: JSON.stringify(result.report) + '\n', stderr: '', code: 0 } : { stdout: `${formatReport(result.report, title)}\n${header}\n`, stderr: '', code: 0 }
      } else {
        const sim = simulate(result.plan)
        const rows = compareReports(result.report, sim.report, clock === 'virtual' ? 'exact' : 'tolerant')
        const code = rows.some((r) => !r.same) ? 1 : 0
        out = json
          ? { stdout: JSON.stringify({ real: result.report, simulated: sim.report, differences: rows.filter((r) => !r.same) }) + '\n', stderr: '', code }
          : { stdout: formatComparison(rows, `${id} (seed ${result.plan.seed}) — ${title}\n${header}`), stderr: '', code }
      }
      if (p.flags.has('hold')) {
        process.stdout.write(out.stdout)
        out = { ...out, stdout: '' }
      }
    }
    await replay(plan, { clock, speed, hold: p.flags.has('hold') }, clock === 'real' && !json ? liveLog() : quietLog, print)
    return out
  } catch (err) {
    if (err instanceof CliError || err instanceof NotReplayable) return { stdout: '', stderr: `error: ${err.message}\n`, code: 2 }
    if (err instanceof MissingProgram) return { stdout: '', stderr: `error: ${err.message}\n`, code: 1 }
    if (err instanceof Divergence) return { stdout: '', stderr: `real software did something the model does not: ${err.message}\n`, code: 1 }
    return { stdout: '', stderr: `error: ${err instanceof Error ? err.message : String(err)}\n`, code: 1 }
  }
}

if (process.argv[1]?.endsWith('real/cli.ts')) {
  const out = await main(process.argv.slice(2))
  process.stdout.write(out.stdout)
  process.stderr.write(out.stderr)
  process.exitCode = out.code
}
